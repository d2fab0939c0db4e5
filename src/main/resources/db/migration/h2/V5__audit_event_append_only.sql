-- H2 (embedded default): a Java trigger refuses UPDATE and DELETE on the audit trail,
-- the same control that the PostgreSQL migration of the same version applies in PL/pgSQL.
create trigger audit_event_no_update before update on audit_event
    for each row call 'health.limber.identity.AuditAppendOnlyTrigger';
create trigger audit_event_no_delete before delete on audit_event
    for each row call 'health.limber.identity.AuditAppendOnlyTrigger';

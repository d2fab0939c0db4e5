package health.limber.identity;

import health.limber.identity.internal.AuditEvent;
import health.limber.platform.LimberTime;
import health.limber.platform.RequestIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit trail (DCB0129 hazard log H-03): every read or change of a patient's record
 * writes exactly one event. There is deliberately no method to change or remove an event.
 */
@Service
public class AuditLog {

    /** Purpose of use when a request does not state one. */
    public static final String DIRECT_CARE = "DIRECT_CARE";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final TransactionTemplate separateTransaction;

    AuditLog(JdbcClient jdbc, Clock clock, CurrentActor currentActor, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentActor = currentActor;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records an allowed action by the signed-in person, in the caller's transaction, so the change
     * and its audit event commit or roll back together.
     */
    public void allowed(UUID patientId, AuditAction action, String resourceType, String resourceId) {
        insert(currentActor.get(), patientId, action, resourceType, resourceId, AuditEvent.Outcome.ALLOWED);
    }

    /** Records a refused attempt; committed on its own so the refusal's rollback cannot erase it. */
    public void denied(UUID patientId, AuditAction action, String resourceType, String resourceId) {
        Actor actor = currentActor.find().orElse(null);
        if (actor == null) {
            return;
        }
        separateTransaction.executeWithoutResult(status ->
                insert(actor, patientId, action, resourceType, resourceId, AuditEvent.Outcome.DENIED));
    }

    private void insert(Actor actor, UUID patientId, AuditAction action, String resourceType, String resourceId,
                        AuditEvent.Outcome outcome) {
        jdbc.sql("""
                insert into audit_event (id, occurred_at, actor, actor_role, patient_id, action, resource_type,
                                         resource_id, request_id, purpose, outcome, actor_organisation)
                values (:id, :at, :actor, :role, :patient, :action, :type, :resourceId, :requestId, :purpose, :outcome, :organisation)
                """)
                .param("organisation", actor.organisationCode())
                .param("id", UUID.randomUUID())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", actor.username())
                .param("role", actor.role().name())
                .param("patient", patientId)
                .param("action", action.name())
                .param("type", resourceType)
                .param("resourceId", resourceId)
                .param("requestId", RequestIds.current())
                .param("purpose", PurposeOfUse.current(actor))
                .param("outcome", outcome.name())
                .update();
    }

    /** Events for one patient, newest first: what a patient sees under "who has viewed my record". */
    public List<AuditEvent> forPatient(UUID patientId, int limit) {
        return search(new Query(patientId, null, null, null), limit);
    }

    /**
     * The administrator's audit viewer: any combination of patient, user and date range (inclusive),
     * within the events of the administrator's own organisation's staff (a system administrator sees
     * every organisation's). Reading the audit log is itself audited.
     */
    public List<AuditEvent> searchAsAdministrator(Query query, int limit) {
        Actor actor = currentActor.get();
        if (!actor.role().administersAccounts()) {
            throw new org.springframework.security.access.AccessDeniedException("Only administrators read the audit log");
        }
        List<AuditEvent> events = search(query, actor.role() == Role.SYSTEM_ADMIN ? null : actor.organisationCode(), limit);
        insert(actor, query.patientId(), AuditAction.READ_AUDIT, "AuditLog", query.actor(), AuditEvent.Outcome.ALLOWED);
        return events;
    }

    public List<AuditEvent> search(Query query, int limit) {
        return search(query, null, limit);
    }

    private List<AuditEvent> search(Query query, String organisation, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit_event where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (organisation != null) {
            sql.append(" and actor_organisation = :organisation");
            params.put("organisation", organisation);
        }
        if (query.patientId() != null) {
            sql.append(" and patient_id = :patient");
            params.put("patient", query.patientId());
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            sql.append(" and actor = :actor");
            params.put("actor", query.actor().trim());
        }
        if (query.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", query.from().atStartOfDay(LimberTime.ZONE).toOffsetDateTime());
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", query.to().plusDays(1).atStartOfDay(LimberTime.ZONE).toOffsetDateTime());
        }
        sql.append(" order by occurred_at desc, id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(AuditLog::event).list();
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                Role.valueOf(rs.getString("actor_role")),
                rs.getObject("patient_id", UUID.class),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("resource_type"),
                rs.getString("resource_id"),
                rs.getString("request_id"),
                rs.getString("purpose"),
                AuditEvent.Outcome.valueOf(rs.getString("outcome")));
    }

    /** Filters for the audit viewer; any may be null. Dates are days in Europe/London. */
    public record Query(UUID patientId, String actor, LocalDate from, LocalDate to) {}
}

-- Whether a programme is the person's treatment, agreed with them at a clinician's assessment (this
-- stops their waiting-list clock as digital self-management, DOMAIN.md §3a), or a starter "wait
-- well" programme given before any assessment (which never stops a clock). Programmes set up before
-- this have neither recorded.
alter table programme add column purpose varchar(20);

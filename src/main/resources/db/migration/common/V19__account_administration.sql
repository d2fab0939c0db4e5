-- A password set by an administrator must be changed by its owner at the next sign-in.
alter table staff_user add column password_must_change boolean default false not null;

-- Account actions are audited like record access: which organisation the actor belongs to lets an
-- administrator see only their own organisation's events (earlier events, from before this column,
-- are shown to system administrators only).
alter table audit_event add column actor_organisation varchar(10);
create index audit_event_organisation on audit_event (actor_organisation, occurred_at);

-- The kind of care whose first definitive contact stopped a clock (DOMAIN.md §3a): 1:1 physiotherapy,
-- a one-stop clinic day, a group class, digital self-management, or advice and discharge at triage.
-- The clock event keeps it in its detail ("FIRST_TREATMENT:GROUP_CLASS"); the period keeps it for
-- reports. Stops recorded before this have none.
alter table clock_period add column stopped_by varchar(30);

-- Outcome reports (issue 19): whether reminders were sent for what fell due, and indexes for the report's queries.
alter table outcome_due add column reminded boolean default false not null;
create index outcome_due_report on outcome_due (icb_code, time_point, status, closed_on);
create index outcome_due_response on outcome_due (response_id);

-- Outcome reports (issue 19). On each due questionnaire: whether reminders were sent, and once it is
-- returned its headline score (the one meaningful change is judged on) and its group (the work
-- questions' work status, STarT's risk group), so the report reads one table.
alter table outcome_due add column reminded boolean default false not null;
alter table outcome_due add column score_value decimal(9, 2);
alter table outcome_due add column answer_group varchar(40);
create index outcome_due_report on outcome_due (icb_code, time_point, status, due_on);

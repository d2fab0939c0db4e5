-- Where a programme was given: by a clinician after an assessment, at triage, at a fracture clinic,
-- or started by the person at self-referral; so reports can say "for fracture-clinic patients".
-- Programmes set up before this have none recorded.
alter table programme add column source varchar(20);

-- A waiting-list pathway names the patient record it is for where Limber knows it (an accepted
-- referral of a known patient, through its episode of care). Pathways imported or simulated for
-- people with no record in Limber keep none, and the list says so.
alter table pathway add column patient_id uuid;
create index pathway_patient on pathway (patient_id);

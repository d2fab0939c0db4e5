-- An episode may open from an imported waiting-list pathway of a known patient: it has no referral
-- in Limber and no kind of care decided at triage, and its reference is the pathway's identifier.
alter table episode alter column referral_id drop not null;
alter table episode alter column kind_of_care drop not null;
alter table episode alter column reference set data type varchar(40);
create unique index episode_pathway on episode (pathway_id);

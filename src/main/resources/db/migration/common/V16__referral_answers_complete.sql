-- A self-referral is recorded the moment an emergency or urgent red flag is answered, before the rest of
-- the form; this says whether the person went on to finish it (every referral received so far did, or was
-- an emergency recorded early, which the history already says).
alter table referral add column answers_complete boolean default true not null;

-- The index of all periods by end date is served by V13's index of the list order; dropped so each
-- clock write keeps one index fewer (H2 has no partial indexes, so the validation index stays whole).
drop index clock_period_open;
-- The census by commissioner on any date can read this index alone.
create index clock_period_census on clock_period (commissioner_code, start_date, end_date);

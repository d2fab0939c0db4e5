-- Fewer indexes to keep up on every clock write (a million-row import writes each one a million times):
-- the running clocks' partial indexes of V13 serve the list, so the index of all periods by end date is
-- dropped, and the validation worklist reads a partial index holding only running clocks.
drop index clock_period_open;
drop index clock_period_validation;
create index clock_period_validation on clock_period (next_validation_due, commissioner_code) where end_date is null;
-- The census by commissioner on any date reads this index alone, in its order (commissioner, clock
-- start), instead of every clock period's row.
create index clock_period_census on clock_period (commissioner_code, start_date, end_date);

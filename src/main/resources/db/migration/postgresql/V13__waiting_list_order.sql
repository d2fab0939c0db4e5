-- The list of people waiting, in its own order (clinical priority, then longest wait), read from an
-- index that holds only running clocks: the first page at a million pathways reads a few hundred
-- index entries instead of sorting every waiter. One for everyone served, one per ICB.
create index clock_period_waiting on clock_period (priority desc, start_date) where end_date is null;
create index clock_period_waiting_icb on clock_period (commissioner_code, priority desc, start_date) where end_date is null;

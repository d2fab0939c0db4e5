-- The list of people waiting, in its own order (clinical priority, then longest wait, then pathway
-- id so pages are stable), read from indexes that hold only running clocks and carry the columns the
-- list shows: a page at a million pathways is an index-only scan of the rows up to it, and only the
-- page's own rows are joined to their pathway. One for everyone served, one per ICB.
create index clock_period_waiting on clock_period (priority desc, start_date, pathway_id)
    include (commissioner_code, provider_code, treatment_function) where end_date is null;
create index clock_period_waiting_icb on clock_period (commissioner_code, priority desc, start_date, pathway_id)
    include (provider_code, treatment_function) where end_date is null;

-- The list of people waiting in its own order (clinical priority, then longest wait, then pathway
-- id). H2 has no partial indexes; this one leads with end_date so running clocks (null) come together.
create index clock_period_waiting on clock_period (end_date, priority desc, start_date, pathway_id);

-- A clinician's session can be cancelled (the clinician is off): its booked appointments are cancelled
-- by the service with the reason, and its slots are no longer offered.
alter table clinician_session add column cancelled_at timestamp with time zone;
alter table clinician_session add column cancelled_reason varchar(500);

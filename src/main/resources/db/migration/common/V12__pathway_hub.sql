-- The hub where a waiting patient is to be seen, for the list's hub filter. Kept beside the pathway
-- rather than in its clock history: moving a patient between hubs of the same provider does not
-- change the clock. Who assigned it and when is kept with it and in the audit log.
create table pathway_hub (
    pathway_id   uuid          primary key references pathway (id),
    hub_id       uuid          not null references hub (id),
    assigned_by  varchar(100)  not null,
    assigned_at  timestamp with time zone not null
);
create index pathway_hub_hub on pathway_hub (hub_id, pathway_id);

-- Community hubs (often leisure centres) and their rooms.
create table hub (
    id             uuid         primary key,
    provider_code  varchar(10)  not null references provider (code),
    icb_code       varchar(3)   not null references icb (code),
    name           varchar(200) not null,
    address_line   varchar(200) not null,
    town           varchar(100) not null,
    postcode       varchar(8)   not null,
    step_free      boolean      not null,
    opening_hours  varchar(200) not null
);
create index hub_icb on hub (icb_code);

create table room (
    id        uuid         primary key,
    hub_id    uuid         not null references hub (id),
    name      varchar(100) not null,
    step_free boolean      not null,
    services  varchar(300) not null
);
create index room_hub on room (hub_id);

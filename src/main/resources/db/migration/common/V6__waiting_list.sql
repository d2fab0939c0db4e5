-- Waiting-list pathways (WLMDS shape). The clock's history is append-only in clock_event;
-- clock_period is the projection of those events (one row per run of the clock) that the census
-- and the list read, so a census at any past date needs no "current status" column.
create table pathway (
    id                 uuid        primary key,
    pathway_identifier varchar(40) not null,
    issuer_code        varchar(10) not null,
    nhs_number         varchar(10) not null,
    birth_date         date,
    referral_received  date        not null,
    source_of_referral varchar(20) not null,
    waiting_list_type  varchar(10) not null,
    treatment_function varchar(3)  not null,
    priority           int         not null,
    provider_code      varchar(10) not null,
    commissioner_code  varchar(3)  not null,
    event_count        int         not null,
    last_import        uuid,
    version            bigint      not null,
    constraint pathway_key unique (issuer_code, pathway_identifier)
);
create index pathway_nhs_number on pathway (nhs_number);

create table clock_event (
    pathway_id  uuid        not null references pathway (id),
    seq         int         not null,
    type        varchar(24) not null,
    event_date  date        not null,
    detail      varchar(100),
    recorded_at timestamp with time zone not null,
    primary key (pathway_id, seq)
);

create table clock_period (
    pathway_id         uuid        not null references pathway (id),
    period_no          int         not null,
    commissioner_code  varchar(3)  not null,
    provider_code      varchar(10) not null,
    treatment_function varchar(3)  not null,
    priority           int         not null,
    start_date         date        not null,
    end_date           date,
    end_reason         varchar(30),
    -- while the clock runs: the next 12/26/52-week (then every 12 weeks) validation date not yet done
    next_validation_due date,
    primary key (pathway_id, period_no)
);
create index clock_period_open on clock_period (end_date, priority, start_date);
create index clock_period_validation on clock_period (end_date, next_validation_due);

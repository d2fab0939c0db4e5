-- Episodes of care (DOMAIN.md §3b): one per accepted referral of a known patient, from acceptance
-- to discharge, with the kind of care decided at triage and the waiting-list pathway it runs on.
-- The discharge is kept on the row (reason, date, who, and the PIFU window's last day); the follow-ups
-- the person asks for in that window and the discharge summary letters are kept beside it.
create table episode (
    id               uuid          primary key,
    patient_id       uuid          not null,
    referral_id      uuid          not null,
    reference        varchar(16)   not null,
    icb_code         varchar(3)    not null,
    provider_code    varchar(10)   not null,
    kind_of_care     varchar(30)   not null,
    source           varchar(30)   not null,
    referred_on      date          not null,
    opened_on        date          not null,
    pathway_id       uuid,
    discharge_reason varchar(40),
    discharged_on    date,
    discharge_note   varchar(2000),
    referred_to      varchar(200),
    follow_up_until  date,
    discharged_by    varchar(100),
    discharged_at    timestamp with time zone,
    created_at       timestamp with time zone not null,
    version          bigint        not null,
    constraint episode_one_per_referral unique (referral_id),
    constraint episode_discharge_whole check ((discharge_reason is null) = (discharged_on is null)
        and (discharge_reason is null) = (discharged_by is null)),
    constraint episode_opened_after_referral check (opened_on >= referred_on),
    constraint episode_discharge_after_opening check (discharged_on is null or discharged_on >= opened_on)
);
create index episode_patient on episode (patient_id, opened_on);
create index episode_icb on episode (icb_code, discharged_on);

create table episode_follow_up (
    id            uuid           primary key,
    episode_id    uuid           not null references episode (id),
    requested_on  date           not null,
    requested_at  timestamp with time zone not null,
    requested_by  varchar(100)   not null,
    what          varchar(1000),
    answer        varchar(1000),
    answered_by   varchar(100),
    answered_at   timestamp with time zone
);
create index episode_follow_up_episode on episode_follow_up (episode_id, requested_at);

create table episode_letter (
    id          uuid          primary key,
    episode_id  uuid          not null references episode (id),
    kind        varchar(30)   not null,
    content     bytea         not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(100)  not null
);
create index episode_letter_episode on episode_letter (episode_id, created_at);

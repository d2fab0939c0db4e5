-- Home exercise programmes. Every change to a programme makes a new version with a full copy of
-- its items, so the history shows which programme a patient was on when. Session logs carry the
-- client's idempotency key (a log made offline and retried is stored once) and are never deleted:
-- a correction or withdrawal makes a new row and marks the old one, with who and when.
create table programme (
    id              uuid          primary key,
    patient_id      uuid          not null references patient (id),
    icb_code        varchar(3)    not null,
    title           varchar(200)  not null,
    template        varchar(60),
    hub_id          uuid,
    start_date      date          not null,
    end_date        date          not null,
    notes           varchar(2000),
    version         int           not null,
    created_by      varchar(100)  not null,
    created_at      timestamp with time zone not null
);
create index programme_patient on programme (patient_id, start_date);
create index programme_icb on programme (icb_code);

create table programme_version (
    programme_id  uuid          not null references programme (id),
    version       int           not null,
    what          varchar(300)  not null,
    changed_by    varchar(100)  not null,
    changed_at    timestamp with time zone not null,
    primary key (programme_id, version)
);

create table programme_item (
    programme_id    uuid         not null,
    version         int          not null,
    position        int          not null,
    exercise_id     varchar(60)  not null,
    sets            int          not null,
    reps            int          not null,
    hold_seconds    int          not null,
    rest_seconds    int          not null,
    times_per_day   int          not null,
    days_per_week   int          not null,
    notes           varchar(500),
    progress_weeks  int,
    progress_pain   int,
    primary key (programme_id, version, position),
    foreign key (programme_id, version) references programme_version (programme_id, version)
);

create table session_log (
    id                 uuid          primary key,
    client_key         varchar(100)  not null unique,
    programme_id       uuid          not null references programme (id),
    programme_version  int           not null,
    exercise_id        varchar(60)   not null,
    log_date           date          not null,
    outcome            varchar(10)   not null,
    sets_done          int,
    reps_done          int,
    pain               int,
    difficulty         varchar(12),
    comment            varchar(500),
    status             varchar(10)   not null,
    replaces           uuid,
    recorded_by        varchar(100)  not null,
    recorded_at        timestamp with time zone not null,
    constraint session_log_pain check (pain is null or (pain >= 0 and pain <= 10))
);
create index session_log_programme on session_log (programme_id, log_date);

create table usefulness_rating (
    id            uuid          primary key,
    client_key    varchar(100)  not null unique,
    programme_id  uuid          not null references programme (id),
    exercise_id   varchar(60),
    kind          varchar(20)   not null,
    answer        int           not null,
    rated_at      timestamp with time zone not null
);
create index usefulness_rating_programme on usefulness_rating (programme_id);

-- Worrying symptoms a patient reports in the app: the red-flag task goes to the referral module;
-- this row puts an alert on the clinician's caseload.
create table symptom_report (
    id            uuid          primary key,
    programme_id  uuid          not null references programme (id),
    flags         varchar(500)  not null,
    level         varchar(10)   not null,
    detail        varchar(1000),
    reported_at   timestamp with time zone not null
);
create index symptom_report_programme on symptom_report (programme_id, reported_at);

-- When the patient wants reminding (days of the week and a time), and where to: the address is
-- taken from their record when they set it up, so the daily job needs no access to records.
create table exercise_reminder (
    patient_id   uuid          primary key references patient (id),
    days         varchar(30)   not null,
    at_minute    int           not null,
    channel      varchar(10)   not null,
    address      varchar(200)  not null,
    icb_code     varchar(3)    not null,
    updated_at   timestamp with time zone not null
);

-- A clinician's answer to a progression suggestion: accepted (the programme changed, in a new
-- version) or rejected with the reason, so the same suggestion is not made again.
create table progression_decision (
    programme_id   uuid          not null references programme (id),
    from_exercise  varchar(60)   not null,
    to_exercise    varchar(60)   not null,
    accepted       boolean       not null,
    reason         varchar(500)  not null,
    decided_by     varchar(100)  not null,
    decided_at     timestamp with time zone not null,
    primary key (programme_id, from_exercise, to_exercise)
);

-- Exercises a service adds itself (seen by its own organisation), in the library's JSON shape,
-- and media uploaded for any exercise with its licence.
create table custom_exercise (
    id                 varchar(60)    primary key,
    organisation_code  varchar(10)    not null,
    definition         varchar(20000) not null,
    created_by         varchar(100)   not null,
    created_at         timestamp with time zone not null
);
create index custom_exercise_organisation on custom_exercise (organisation_code);

create table exercise_media (
    id                 uuid          primary key,
    exercise_id        varchar(60)   not null,
    organisation_code  varchar(10)   not null,
    storage_key        varchar(200)  not null,
    content_type       varchar(50)   not null,
    licence            varchar(100)  not null,
    credit             varchar(200)  not null,
    uploaded_by        varchar(100)  not null,
    uploaded_at        timestamp with time zone not null
);
create index exercise_media_exercise on exercise_media (exercise_id, organisation_code);

-- Staff accounts. The lock survives a restart because it lives here, not in memory.
create table staff_user (
    id                uuid         primary key,
    username          varchar(100) not null unique,
    display_name      varchar(200) not null,
    password_hash     varchar(200) not null,
    role              varchar(30)  not null,
    organisation_code varchar(10)  not null references provider (code),
    enabled           boolean      not null,
    failed_attempts   int          not null,
    locked_until      timestamp with time zone,
    created_at        timestamp with time zone not null,
    version           bigint       not null
);

-- Patient access codes: single use to enrol a device, 30 days to expiry. Only a hash is kept.
create table patient_access_code (
    id              uuid        primary key,
    patient_id      uuid        not null,
    code_hash       varchar(64) not null unique,
    issued_at       timestamp with time zone not null,
    issued_by       varchar(100) not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone,
    revoked_at      timestamp with time zone,
    failed_attempts int         not null,
    locked_until    timestamp with time zone
);
create index patient_access_code_patient on patient_access_code (patient_id);

-- Remembered devices (Spring Security persistent remember-me tokens).
create table persistent_logins (
    username  varchar(64) not null,
    series    varchar(64) primary key,
    token     varchar(64) not null,
    last_used timestamp   not null
);

-- Spring Session JDBC: sessions live in the database so any number of instances can serve.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Audit trail of every read or change of a patient's record. Append-only:
-- the application has no update or delete for it, and PostgreSQL rejects both (V4).
create table audit_event (
    id            uuid         primary key,
    occurred_at   timestamp with time zone not null,
    actor         varchar(100) not null,
    actor_role    varchar(30)  not null,
    patient_id    uuid,
    action        varchar(40)  not null,
    resource_type varchar(50)  not null,
    resource_id   varchar(100),
    request_id    varchar(64),
    purpose       varchar(50)  not null,
    outcome       varchar(20)  not null
);
create index audit_event_patient on audit_event (patient_id, occurred_at);
create index audit_event_actor on audit_event (actor, occurred_at);
create index audit_event_time on audit_event (occurred_at);

-- 1:1 appointments (DOMAIN.md §3a, first row): a clinician's session at a hub or remote (telephone,
-- video) is cut into bookable slots of one appointment type; staff book people waiting for
-- physiotherapy into them; the outcome (attended, did not attend, cancelled) moves the clock.
--
-- appointment_slot, which holds every 5-minute slot a practitioner, clinician, room or patient is
-- booked, now holds 1:1 appointments as well as one-stop ones, so its appointment id no longer
-- refers to the one-stop table. The table is made again (the foreign key's name differs between
-- databases) with the same rows and the same primary key, which is what refuses a double booking.
create table booked_slot (
    resource        varchar(60)  not null,
    slot_date       date         not null,
    slot_minute     int          not null,
    appointment_id  uuid         not null,
    primary key (resource, slot_date, slot_minute)
);
insert into booked_slot (resource, slot_date, slot_minute, appointment_id)
    select resource, slot_date, slot_minute, appointment_id from appointment_slot;
drop table appointment_slot;
alter table booked_slot rename to appointment_slot;
create index appointment_slot_appointment on appointment_slot (appointment_id);

-- People accepted to physiotherapy, waiting for a 1:1 appointment, with what the slot finder needs; closed_on
-- when their episode was discharged (then only a follow-up asked for by follow_up_until can be booked).
create table one_to_one_referral (
    referral_id         uuid         primary key,
    reference           varchar(16)  not null,
    patient_id          uuid,
    display_name        varchar(200) not null,
    birth_date          date,
    nhs_number          varchar(10),
    icb_code            varchar(3)   not null,
    provider_code       varchar(10)  not null,
    priority            varchar(10)  not null,
    received_on         date         not null,
    accepted_on         date         not null,
    language            varchar(10)  not null,
    interpreter_needed  boolean      not null,
    step_free           boolean      not null,
    preferred_hub_id    uuid         references hub (id),
    closed_on           date,
    follow_up_until     date
);
create index one_to_one_referral_icb on one_to_one_referral (icb_code, received_on);

create table clinician_session (
    id                uuid          primary key,
    icb_code          varchar(3)    not null references icb (code),
    provider_code     varchar(10)   not null references provider (code),
    hub_id            uuid          references hub (id),
    room_id           uuid          references room (id),
    mode              varchar(12)   not null,
    clinician         varchar(100)  not null,
    clinician_name    varchar(200)  not null,
    languages         varchar(100)  not null,
    session_date      date          not null,
    start_minute      int           not null,
    end_minute        int           not null,
    appointment_type  varchar(12)   not null,
    slot_minutes      int           not null,
    created_by        varchar(100)  not null,
    created_at        timestamp with time zone not null,
    constraint clinician_session_place check ((mode = 'IN_PERSON') = (hub_id is not null) and (room_id is null or hub_id is not null)),
    constraint clinician_session_hours check (start_minute >= 0 and end_minute <= 1440 and start_minute < end_minute)
);
create index clinician_session_clinician on clinician_session (clinician, session_date);

-- One row per bookable slot; appointment_id is set while it is booked. The finder reads free slots of an ICB by date.
create table session_slot (
    id                uuid          primary key,
    session_id        uuid          not null references clinician_session (id),
    icb_code          varchar(3)    not null,
    slot_date         date          not null,
    start_minute      int           not null,
    end_minute        int           not null,
    appointment_type  varchar(12)   not null,
    appointment_id    uuid
);
create index session_slot_free on session_slot (icb_code, appointment_type, slot_date, start_minute);
create index session_slot_session on session_slot (session_id);

create table one_to_one_appointment (
    id                uuid          primary key,
    slot_id           uuid          not null references session_slot (id),
    referral_id       uuid          not null references one_to_one_referral (referral_id),
    patient_id        uuid,
    appointment_type  varchar(12)   not null,
    slot_date         date          not null,
    start_minute      int           not null,
    end_minute        int           not null,
    status            varchar(24)   not null,
    reason            varchar(500),
    recorded_by       varchar(100),
    recorded_at       timestamp with time zone,
    patient_response  varchar(20),
    patient_comment   varchar(500),
    booked_by         varchar(100)  not null,
    booked_at         timestamp with time zone not null,
    version           bigint        not null
);
create index one_to_one_appointment_referral on one_to_one_appointment (referral_id, slot_date);
create index one_to_one_appointment_patient on one_to_one_appointment (patient_id, slot_date);
create index one_to_one_appointment_slot on one_to_one_appointment (slot_id);

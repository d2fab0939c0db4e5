-- One-stop clinic days: the services a hub offers, its practitioners, referrals waiting for a
-- one-stop visit, clinic days with their draft plans (every version kept, so a change can be
-- undone), and published appointments. appointment_slot holds one row per 5-minute slot a
-- practitioner, room or patient is booked: its primary key is what stops two app instances from
-- double-booking anyone, whatever happens in the application.
create table clinic_service (
    code      varchar(30)  primary key,
    name      varchar(100) not null,
    purpose   varchar(300) not null,
    minutes   int          not null,
    position  int          not null
);
insert into clinic_service (code, name, purpose, minutes, position) values
    ('PHYSIO', 'Physiotherapy assessment', 'to assess your joint, back or muscle problem and agree a plan with you', 45, 1),
    ('MENTAL_HEALTH', 'Mental health practitioner', 'to talk about how the pain affects your mood, sleep and worries', 40, 2),
    ('PHYSICAL_ACTIVITY', 'Physical activity coach', 'to find ways of being active that suit you, including classes at the hub', 30, 3),
    ('EMPLOYMENT', 'Employment adviser', 'to help you stay in or get back to work', 30, 4),
    ('DEBT', 'Debt and money adviser', 'to help with money worries, benefits and debts', 30, 5);

create table practitioner (
    id            uuid         primary key,
    hub_id        uuid         not null references hub (id),
    name          varchar(200) not null,
    service_code  varchar(30)  not null references clinic_service (code),
    languages     varchar(100) not null
);
create index practitioner_hub on practitioner (hub_id);

create table clinic_day (
    id            uuid         primary key,
    hub_id        uuid         not null references hub (id),
    clinic_date   date         not null,
    day_start     int          not null,
    day_end       int          not null,
    status        varchar(12)  not null,
    plan_version  int          not null,
    version       bigint       not null,
    published_at  timestamp with time zone,
    published_by  varchar(100),
    constraint clinic_day_once unique (hub_id, clinic_date)
);

-- Referrals accepted to the one-stop pathway, with what they need; clinic_day_id is set when offered a day.
create table one_stop_referral (
    referral_id         uuid         primary key,
    reference           varchar(16)  not null,
    patient_id          uuid,
    display_name        varchar(200) not null,
    icb_code            varchar(3)   not null,
    provider_code       varchar(10)  not null,
    needs               varchar(200) not null,
    language            varchar(10)  not null,
    interpreter_needed  boolean      not null,
    step_free           boolean      not null,
    accepted_on         date         not null,
    clinic_day_id       uuid         references clinic_day (id)
);
create index one_stop_referral_waiting on one_stop_referral (icb_code, clinic_day_id, accepted_on);

create table clinic_day_practitioner (
    clinic_day_id    uuid  not null references clinic_day (id),
    practitioner_id  uuid  not null references practitioner (id),
    window_from      int   not null,
    window_to        int   not null,
    primary key (clinic_day_id, practitioner_id, window_from)
);

create table clinic_day_patient (
    clinic_day_id       uuid         not null references clinic_day (id),
    referral_id         uuid         not null references one_stop_referral (referral_id),
    needs               varchar(200) not null,
    available_from      int          not null,
    available_to        int          not null,
    max_stay            int          not null,
    interpreter_booked  boolean      not null,
    weight              int          not null,
    primary key (clinic_day_id, referral_id)
);

create table clinic_day_plan_version (
    clinic_day_id  uuid          not null references clinic_day (id),
    plan_version   int           not null,
    parent_version int           not null,
    what           varchar(300)  not null,
    made_by        varchar(100)  not null,
    made_at        timestamp with time zone not null,
    primary key (clinic_day_id, plan_version)
);

create table clinic_day_plan (
    clinic_day_id    uuid         not null,
    plan_version     int          not null,
    referral_id      uuid         not null,
    service_code     varchar(30)  not null,
    practitioner_id  uuid         not null,
    room_id          uuid         not null,
    start_minute     int          not null,
    end_minute       int          not null,
    primary key (clinic_day_id, plan_version, referral_id, service_code),
    foreign key (clinic_day_id, plan_version) references clinic_day_plan_version (clinic_day_id, plan_version)
);

create table appointment (
    id                uuid          primary key,
    clinic_day_id     uuid          not null references clinic_day (id),
    referral_id       uuid          not null references one_stop_referral (referral_id),
    patient_id        uuid,
    service_code      varchar(30)   not null references clinic_service (code),
    practitioner_id   uuid          not null references practitioner (id),
    room_id           uuid          not null references room (id),
    clinic_date       date          not null,
    start_minute      int           not null,
    end_minute        int           not null,
    status            varchar(20)   not null,
    reason            varchar(500),
    recorded_by       varchar(100),
    recorded_at       timestamp with time zone,
    patient_response  varchar(20),
    patient_comment   varchar(500),
    version           bigint        not null,
    constraint appointment_once unique (clinic_day_id, referral_id, service_code)
);
create index appointment_patient on appointment (patient_id, clinic_date);

create table appointment_slot (
    resource        varchar(60)  not null,
    slot_date       date         not null,
    slot_minute     int          not null,
    appointment_id  uuid         not null references appointment (id) on delete cascade,
    primary key (resource, slot_date, slot_minute)
);
create index appointment_slot_appointment on appointment_slot (appointment_id);

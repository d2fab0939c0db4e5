-- The patient record. Never deleted: voided with a reason, by someone, at a time.
create table patient (
    id                        uuid         primary key,
    nhs_number                varchar(10)  unique,
    nhs_number_unknown_reason varchar(200),
    given_name                varchar(100) not null,
    family_name               varchar(100) not null,
    family_name_key           varchar(100) not null,
    birth_date                date         not null,
    sex                       varchar(10)  not null,
    postcode                  varchar(8),
    phone                     varchar(30),
    email                     varchar(254),
    preferred_language        varchar(10)  not null,
    interpreter_needed        boolean      not null,
    step_free_access          boolean      not null,
    large_print               boolean      not null,
    bsl_interpreter           boolean      not null,
    easy_read                 boolean      not null,
    hearing_loop              boolean      not null,
    other_needs               varchar(500),
    contact_by_sms            boolean      not null,
    contact_by_email          boolean      not null,
    contact_by_phone          boolean      not null,
    contact_by_letter         boolean      not null,
    gp_practice_code          varchar(6),
    icb_code                  varchar(3)   not null references icb (code),
    work_status               varchar(40),
    voided_at                 timestamp with time zone,
    voided_by                 varchar(100),
    void_reason               varchar(500),
    created_at                timestamp with time zone not null,
    updated_at                timestamp with time zone not null,
    version                   bigint       not null
);
create index patient_birth_date_name on patient (birth_date, family_name_key);
create index patient_family_name on patient (family_name_key);
create index patient_icb on patient (icb_code);

-- Work status history: one row each time it changed.
create table patient_work_status (
    patient_id  uuid        not null references patient (id),
    position    int         not null,
    status      varchar(40) not null,
    recorded_on date        not null,
    recorded_by varchar(100) not null,
    primary key (patient_id, position)
);

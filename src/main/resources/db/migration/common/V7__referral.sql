-- Referrals: intake from GPs, e-RS, fracture clinics, emergency departments, other providers and
-- the public (self-referral), red-flag screening, risk stratification and the triage decision.
create table referral (
    id                       uuid          primary key,
    reference                varchar(16)   not null unique,
    source                   varchar(30)   not null,
    ubrn                     varchar(12),
    received_on              date          not null,
    received_at              timestamp with time zone not null,
    icb_code                 varchar(3)    not null references icb (code),
    gp_practice_code         varchar(6),
    referrer                 varchar(200),
    patient_id               uuid          references patient (id),
    nhs_number               varchar(10),
    given_name               varchar(100)  not null,
    family_name              varchar(100)  not null,
    birth_date               date          not null,
    postcode                 varchar(8),
    phone                    varchar(20),
    email                    varchar(200),
    contact_preferences      varchar(100),
    preferred_language       varchar(10),
    interpreter_needed       boolean       not null,
    accessibility_needs      varchar(500),
    reason_code              varchar(18),
    body_sites               varchar(200)  not null,
    symptom_duration         varchar(30)   not null,
    history                  varchar(4000),
    requested_urgency        varchar(10)   not null,
    urgency_rank             smallint      not null,
    red_flags_asked          varchar(1000) not null,
    red_flags_yes            varchar(1000) not null,
    red_flag_level           varchar(10)   not null,
    red_flag_rank            smallint      not null,
    instrument               varchar(12),
    instrument_answers       varchar(200),
    score_total              smallint,
    score_distress           smallint,
    risk_group               varchar(6),
    work_status              varchar(30),
    days_off_work            smallint,
    wants_employment_support boolean       not null,
    wants_debt_support       boolean       not null,
    consent_to_contact       boolean       not null,
    status                   varchar(12)   not null,
    pathway                  varchar(30),
    priority                 varchar(10),
    decision_reason          varchar(1000),
    override_reason          varchar(1000),
    redirected_to            varchar(300),
    rejection_letter         varchar(4000),
    triaged_by               varchar(100),
    triaged_at               timestamp with time zone,
    submission_key           varchar(64)   unique,
    created_at               timestamp with time zone not null,
    version                  bigint        not null
);
-- The triage worklist: untriaged referrals of the clinician's ICBs, red flags first, then the
-- urgency asked for, then the oldest.
create index referral_worklist on referral (status, icb_code, red_flag_rank, urgency_rank, received_on);
create index referral_patient on referral (patient_id);
create index referral_nhs_number on referral (nhs_number);

-- What happened to a referral, in order (the aggregate's history, shown on the triage page).
create table referral_history (
    referral_id uuid          not null references referral (id),
    position    int           not null,
    occurred_at timestamp with time zone not null,
    actor       varchar(100)  not null,
    action      varchar(40)   not null,
    detail      varchar(2000),
    primary key (referral_id, position)
);

-- Letters and images sent with a referral; the bytes live in the storage interface.
create table referral_attachment (
    referral_id  uuid          not null references referral (id),
    position     int           not null,
    id           uuid          not null unique,
    filename     varchar(200)  not null,
    content_type varchar(50)   not null,
    size_bytes   bigint        not null,
    sha256       varchar(64)   not null,
    storage_key  varchar(200)  not null,
    uploaded_at  timestamp with time zone not null,
    uploaded_by  varchar(100)  not null,
    primary key (referral_id, position)
);

-- Red-flag tasks: raised at intake, at triage, at validation or by the patient; due the same day
-- (emergency) or within 24 hours (urgent); escalated when overdue.
create table red_flag_task (
    id           uuid          primary key,
    referral_id  uuid          references referral (id),
    patient_id   uuid          references patient (id),
    icb_code     varchar(3)    not null references icb (code),
    level        varchar(10)   not null,
    source       varchar(20)   not null,
    flags        varchar(1000) not null,
    detail       varchar(1000),
    raised_at    timestamp with time zone not null,
    due_at       timestamp with time zone not null,
    owner        varchar(100),
    status       varchar(12)   not null,
    outcome      varchar(1000),
    closed_at    timestamp with time zone,
    closed_by    varchar(100),
    escalated_at timestamp with time zone,
    version      bigint        not null
);
create index red_flag_task_open on red_flag_task (status, icb_code, due_at);
create index red_flag_task_referral on red_flag_task (referral_id);

-- Replies to API writes sent with an Idempotency-Key: a replay returns the first reply.
create table idempotent_request (
    principal    varchar(100)  not null,
    idem_key     varchar(100)  not null,
    request_hash varchar(64)   not null,
    status       int           not null,
    location     varchar(300),
    body         varchar(20000) not null,
    created_at   timestamp with time zone not null,
    primary key (principal, idem_key)
);

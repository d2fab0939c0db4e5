-- Work and money support (DOMAIN.md §10): services people are referred to, support referrals with
-- consent, contacts and outcomes, fit notes on the episode; and a clinic practitioner's link to an
-- adviser's sign-in.

create table support_service (
    code          varchar(40)   primary key,
    name          varchar(200)  not null,
    need          varchar(12)   not null,   -- EMPLOYMENT or DEBT
    in_house      boolean       not null,   -- the service's own advisers: no consent to share outside is needed
    icb_code      varchar(3),               -- null: offered in every ICB
    email         varchar(254),
    phone         varchar(40),
    website       varchar(300),
    description   varchar(1000) not null,
    active        boolean       not null,
    added_by      varchar(100)  not null,
    added_at      timestamp     not null
);

insert into support_service (code, name, need, in_house, icb_code, email, phone, website, description, active, added_by, added_at) values
('IN_HOUSE_EMPLOYMENT', 'Employment adviser (this service)', 'EMPLOYMENT', true, null, null, null, null,
 'An employment adviser in the MSK team: staying in work, talking to an employer, a phased return, looking for work.', true, 'migration', current_timestamp),
('IN_HOUSE_DEBT', 'Money and debt adviser (this service)', 'DEBT', true, null, null, null, null,
 'A money adviser in the MSK team: a benefits check, debts, bills and where to get free advice.', true, 'migration', current_timestamp),
('CONNECT_TO_WORK', 'Connect to Work', 'EMPLOYMENT', false, null, null, null, null,
 'Voluntary supported employment for people with a health condition or disability, on the Individual Placement and Support model.', true, 'migration', current_timestamp),
('PATHWAYS_TO_WORK', 'Pathways to Work adviser (Jobcentre)', 'EMPLOYMENT', false, null, null, null, null,
 'Work coaches at the Jobcentre for people on health-related benefits.', true, 'migration', current_timestamp),
('ACCESS_TO_WORK', 'Access to Work', 'EMPLOYMENT', false, null, null, null, null,
 'Grants towards adjustments and support at work beyond what an employer must provide.', true, 'migration', current_timestamp),
('OCCUPATIONAL_HEALTH', 'Occupational health', 'EMPLOYMENT', false, null, null, null, null,
 'The employer''s occupational health service: fitness for work, adjustments and a return-to-work plan.', true, 'migration', current_timestamp),
('DEBT_ADVICE', 'Free debt advice service', 'DEBT', false, null, null, null, null,
 'Free, confidential advice on debts and a plan to deal with them.', true, 'migration', current_timestamp),
('BREATHING_SPACE', 'Breathing Space (Debt Respite Scheme)', 'DEBT', false, null, null, null, null,
 'Through a debt adviser: 60 days of protection from creditors, or a mental health crisis breathing space.', true, 'migration', current_timestamp),
('BENEFITS_CHECK', 'Benefits check', 'DEBT', false, null, null, null, null,
 'A check of the benefits and grants the person may be entitled to.', true, 'migration', current_timestamp);

create table support_referral (
    id                    uuid          primary key,
    episode_id            uuid          not null,
    patient_id            uuid          not null,
    icb_code              varchar(3)    not null,
    kind_of_care          varchar(30),
    service_code          varchar(40)   not null references support_service (code),
    need                  varchar(12)   not null,
    in_house              boolean       not null,
    reason                varchar(1000) not null,
    source                varchar(12)   not null,   -- TRIAGE, ONE_STOP, CLINICIAN, ADVISER, PATIENT
    status                varchar(12)   not null,   -- REFERRED, ACCEPTED, IN_PROGRESS, CLOSED
    status_rank           int           not null,   -- 0 referred (new first), 1 accepted or in progress, 2 closed
    referred_on           date          not null,
    referred_by           varchar(100)  not null,
    referred_at           timestamp     not null,
    accepted_on           date,
    first_contact_on      date,
    closed_on             date,
    close_reason          varchar(30),
    close_note            varchar(1000),
    consent_given_by      varchar(100),
    consent_given_at      timestamp,
    consent_shared        varchar(500),
    consent_withdrawn_by  varchar(100),
    consent_withdrawn_at  timestamp,
    share_clinical        boolean       not null,
    client_key            varchar(200),
    version               bigint        not null
);
create index support_referral_worklist on support_referral (icb_code, need, status_rank, referred_on);
create index support_referral_patient on support_referral (patient_id);
create index support_referral_episode on support_referral (episode_id);
create unique index support_referral_client_key on support_referral (client_key);

create table support_contact (
    id            uuid          primary key,
    referral_id   uuid          not null references support_referral (id),
    contact_on    date          not null,
    mode          varchar(12)   not null,
    minutes       int           not null,
    notes         varchar(2000),
    recorded_by   varchar(100)  not null,
    recorded_at   timestamp     not null
);
create index support_contact_referral on support_contact (referral_id);

create table support_outcome (
    id            uuid          primary key,
    referral_id   uuid          not null references support_referral (id),
    kind          varchar(30)   not null,
    outcome_on    date          not null,
    note          varchar(1000),
    recorded_by   varchar(100)  not null,
    recorded_at   timestamp     not null
);
create index support_outcome_referral on support_outcome (referral_id);

create table fit_note (
    id                     uuid          primary key,
    episode_id             uuid          not null,
    patient_id             uuid          not null,
    icb_code               varchar(3)    not null,
    fitness                varchar(12)   not null,   -- NOT_FIT or MAY_BE_FIT
    phased_return          boolean       not null,
    altered_hours          boolean       not null,
    amended_duties         boolean       not null,
    workplace_adaptations  boolean       not null,
    comments               varchar(1000),
    condition_text         varchar(300)  not null,
    starts_on              date          not null,
    ends_on                date          not null,
    issued_by              varchar(100)  not null,
    issued_by_name         varchar(200)  not null,
    issued_at              timestamp     not null,
    ended_early_on         date,
    ended_by               varchar(100)
);
create index fit_note_patient on fit_note (patient_id, starts_on);

alter table practitioner add column staff_username varchar(100);

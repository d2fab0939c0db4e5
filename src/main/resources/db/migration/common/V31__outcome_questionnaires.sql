-- Outcome questionnaires (issue 19): uploaded definitions, schedules on the episode, responses and their scores.

-- A questionnaire an administrator uploaded: it replaces the shipped one of the same key from then on.
create table outcome_questionnaire (
    instrument          varchar(40)     not null,
    version             varchar(40)     not null,
    title               varchar(200)    not null,
    questionnaire_json  varchar(1000000) not null,
    scoring_json        varchar(100000) not null,
    uploaded_by         varchar(100)    not null,
    uploaded_at         timestamp       not null,
    primary key (instrument, version)
);

-- One instrument due at one time point of an episode: DUE until answered (RETURNED), NOT_RETURNED
-- after the last reminder's grace, or CANCELLED (discharged before a mid-point fell due).
create table outcome_due (
    id             uuid         primary key,
    episode_id     uuid         not null,
    patient_id     uuid         not null,
    icb_code       varchar(10)  not null,
    provider_code  varchar(10),
    kind_of_care   varchar(40),
    time_point     varchar(20)  not null,
    instrument     varchar(40)  not null,
    due_on         date         not null,
    status         varchar(20)  not null,
    response_id    uuid,
    closed_on      date,
    constraint outcome_due_once unique (episode_id, time_point, instrument)
);
create index outcome_due_patient on outcome_due (patient_id, status);
create index outcome_due_open on outcome_due (status, due_on);

-- A response (the FHIR QuestionnaireResponse as JSON): IN_PROGRESS while the person answers, then COMPLETED.
create table outcome_response (
    id                  uuid          primary key,
    client_key          varchar(100)  not null,
    patient_id          uuid          not null,
    icb_code            varchar(10)   not null,
    due_id              uuid,
    instrument          varchar(40)   not null,
    instrument_version  varchar(40)   not null,
    answers_json        varchar(200000) not null,
    status              varchar(20)   not null,
    source              varchar(20)   not null,
    entered_by          varchar(100)  not null,
    started_at          timestamp     not null,
    completed_at        timestamp,
    completed_on        date,
    group_label         varchar(40),
    version             bigint        not null,
    constraint outcome_response_client_key unique (patient_id, client_key)
);
create index outcome_response_patient on outcome_response (patient_id, instrument, completed_on);

-- Each score of a completed response, computed by the engine when it was completed.
create table outcome_score (
    response_id  uuid          not null,
    score_id     varchar(40)   not null,
    score_value  decimal(9, 2),
    band         varchar(60),
    primary key (response_id, score_id)
);

-- People who asked not to be reminded about questionnaires.
create table outcome_reminder_opt_out (
    patient_id  uuid       primary key,
    opted_at    timestamp  not null
);

-- The outbox retries a failed send with back-off.
alter table outbox_message add column attempts integer default 0 not null;

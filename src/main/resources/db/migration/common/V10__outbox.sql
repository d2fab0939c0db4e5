-- The notification outbox: messages written in the same transaction as the change that needs
-- them; dedupe_key makes queueing idempotent; a dispatcher claims each due message before sending.
create table outbox_message (
    id          uuid          primary key,
    dedupe_key  varchar(200)  not null unique,
    patient_id  uuid,
    icb_code    varchar(3)    not null,
    channel     varchar(10)   not null,
    address     varchar(200)  not null,
    subject     varchar(200)  not null,
    body        varchar(2000) not null,
    send_after  timestamp with time zone not null,
    status      varchar(10)   not null,
    queued_at   timestamp with time zone not null,
    sent_at     timestamp with time zone,
    failure     varchar(1000)
);
create index outbox_message_due on outbox_message (status, send_after);
create index outbox_message_icb on outbox_message (icb_code, send_after);

-- Group classes at hubs: courses of weekly sessions with a capacity, bookings with a waiting
-- list, and an attendance register. class_course.booked counts the places taken; a booking takes
-- a place only by "update ... set booked = booked + 1 where booked < capacity", so concurrent
-- bookings can never overfill a course.
create table class_referral (
    referral_id    uuid         primary key,
    reference      varchar(16)  not null,
    patient_id     uuid,
    display_name   varchar(200) not null,
    icb_code       varchar(3)   not null,
    provider_code  varchar(10)  not null,
    accepted_on    date         not null
);
create index class_referral_icb on class_referral (icb_code, accepted_on);

create table class_course (
    id            uuid          primary key,
    hub_id        uuid          not null references hub (id),
    room_id       uuid          not null references room (id),
    name          varchar(200)  not null,
    description   varchar(1000) not null,
    first_date    date          not null,
    weeks         int           not null,
    start_minute  int           not null,
    minutes       int           not null,
    capacity      int           not null,
    booked        int           not null,
    created_by    varchar(100)  not null,
    constraint class_course_not_overfull check (booked >= 0 and booked <= capacity)
);
create index class_course_hub on class_course (hub_id, first_date);

create table class_booking (
    id            uuid          primary key,
    course_id     uuid          not null references class_course (id),
    referral_id   uuid          not null references class_referral (referral_id),
    status        varchar(10)   not null,
    requested_at  timestamp with time zone not null,
    changed_at    timestamp with time zone not null,
    changed_by    varchar(100)  not null,
    reason        varchar(500),
    constraint class_booking_once unique (course_id, referral_id)
);
create index class_booking_course on class_booking (course_id, status, requested_at);

create table class_attendance (
    booking_id   uuid          not null references class_booking (id),
    session      int           not null,
    attended     boolean       not null,
    recorded_by  varchar(100)  not null,
    recorded_at  timestamp with time zone not null,
    primary key (booking_id, session)
);

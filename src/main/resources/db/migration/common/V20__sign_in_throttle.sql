-- Failed sign-ins counted per client address and per username typed (known or not), shared by every app
-- instance: past a few failures each further try must wait longer (30 s, doubling to 15 minutes). Nothing is
-- locked, so nobody can lock another person out, and the same rule for unknown usernames reveals no account.
create table sign_in_throttle (
    scope         varchar(20)  not null,
    subject       varchar(200) not null,
    failures      int          not null,
    last_failure  timestamp with time zone not null,
    primary key (scope, subject)
);

-- Devices a member of staff has signed in from (only a hash of the cookie is kept): from one of these the
-- per-username wait does not apply, so the real user gets in while an attacker elsewhere is slowed down.
create table known_device (
    username     varchar(100) not null,
    device_hash  varchar(64)  not null,
    last_used    timestamp with time zone not null,
    primary key (username, device_hash)
);

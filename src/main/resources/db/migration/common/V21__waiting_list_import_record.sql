-- Every waiting-list import, committed or not: who ran it (a named account, or the database owner from the
-- command line), the file's SHA-256, the mode and the counts. A pathway's last_import names the import that
-- last created, changed or confirmed it, and each clock event it added carries the import's id.
create table waiting_list_import (
    id             uuid          primary key,
    imported_by    varchar(100)  not null,
    organisation   varchar(10),
    all_icbs       boolean       not null,
    file_sha256    varchar(64)   not null,
    mode           varchar(20)   not null,
    dry_run        boolean       not null,
    rows_read      bigint        not null,
    created        bigint        not null,
    updated        bigint        not null,
    unchanged      bigint        not null,
    rejected       bigint        not null,
    committed      boolean       not null,
    started_at     timestamp with time zone not null,
    finished_at    timestamp with time zone not null
);
create index waiting_list_import_time on waiting_list_import (started_at);
alter table clock_event add column import_id uuid;

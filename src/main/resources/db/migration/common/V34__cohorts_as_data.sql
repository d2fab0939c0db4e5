-- Programme cohorts as data (DOMAIN.md §9): an ICB may be in more than one cohort, so membership
-- moves from a column on the ICB to its own table; cohorts gain who changed them last. ICBs gain
-- who added them (the 17 pilot areas came with the first migration).
create table cohort_icb (
    cohort_code varchar(20) not null references cohort (code),
    icb_code    varchar(3)  not null references icb (code),
    primary key (cohort_code, icb_code)
);
insert into cohort_icb (cohort_code, icb_code) select cohort_code, code from icb where cohort_code is not null;

alter table icb drop column cohort_code;
alter table cohort add column updated_by varchar(100);
alter table cohort add column updated_at timestamp with time zone;
create unique index cohort_name on cohort (name);
alter table icb add column added_by varchar(100);

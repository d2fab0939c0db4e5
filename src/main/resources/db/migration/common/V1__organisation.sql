-- Organisations are data, not code: ICBs, programme cohorts, providers and GP practices.
create table cohort (
    code          varchar(20)  primary key,
    name          varchar(200) not null,
    period_start  date,
    period_end    date,
    funding_pounds bigint,
    description   varchar(500)
);

create table icb (
    code          varchar(3)   primary key,
    name          varchar(200) not null,
    pilot_area    varchar(200) not null,
    cohort_code   varchar(20)  references cohort (code),
    display_order int          not null
);

create table provider (
    code varchar(10)  primary key,
    name varchar(200) not null
);

-- Which ICBs a provider's staff may see patients of.
create table provider_icb (
    provider_code varchar(10) not null references provider (code),
    icb_code      varchar(3)  not null references icb (code),
    primary key (provider_code, icb_code)
);

create table gp_practice (
    code     varchar(6)   primary key,
    name     varchar(200) not null,
    postcode varchar(8)   not null,
    icb_code varchar(3)   not null references icb (code)
);
create index gp_practice_icb on gp_practice (icb_code);

insert into cohort (code, name, period_start, period_end, funding_pounds, description) values
  ('COHORT_1', 'Cohort 1', date '2024-12-01', date '2025-03-31', 3500000,
   'MSK community waiting list pilot: 17 ICB areas'),
  ('COHORT_2', 'Cohort 2', null, null, 2200000,
   '6 ICB areas; areas and period to be entered by the programme');

insert into icb (code, name, pilot_area, cohort_code, display_order) values
  ('QHL', 'NHS Birmingham and Solihull Integrated Care Board', 'Birmingham and Solihull', 'COHORT_1', 1),
  ('QUY', 'NHS Bristol, North Somerset and South Gloucestershire Integrated Care Board', 'Bristol, North Somerset and South Gloucestershire', 'COHORT_1', 2),
  ('QUE', 'NHS Cambridgeshire and Peterborough Integrated Care Board', 'Cambridgeshire and Peterborough', 'COHORT_1', 3),
  ('QYG', 'NHS Cheshire and Merseyside Integrated Care Board', 'Cheshire and Merseyside (Cheshire)', 'COHORT_1', 4),
  ('QT6', 'NHS Cornwall and the Isles of Scilly Integrated Care Board', 'Cornwall', 'COHORT_1', 5),
  ('QJK', 'NHS Devon Integrated Care Board', 'Devon', 'COHORT_1', 6),
  ('QVV', 'NHS Dorset Integrated Care Board', 'Dorset', 'COHORT_1', 7),
  ('QOP', 'NHS Greater Manchester Integrated Care Board', 'Greater Manchester (Manchester/Oldham)', 'COHORT_1', 8),
  ('QRL', 'NHS Hampshire and Isle of Wight Integrated Care Board', 'Hampshire and Isle of Wight', 'COHORT_1', 9),
  ('QK1', 'NHS Leicester, Leicestershire and Rutland Integrated Care Board', 'Leicester, Leicestershire and Rutland', 'COHORT_1', 10),
  ('QMM', 'NHS Norfolk and Waveney Integrated Care Board', 'Norfolk and Waveney', 'COHORT_1', 11),
  ('QMJ', 'NHS North Central London Integrated Care Board', 'North Central London', 'COHORT_1', 12),
  ('QHM', 'NHS North East and North Cumbria Integrated Care Board', 'North East and North Cumbria', 'COHORT_1', 13),
  ('QMF', 'NHS North East London Integrated Care Board', 'North East London', 'COHORT_1', 14),
  ('QPM', 'NHS Northamptonshire Integrated Care Board', 'Northamptonshire', 'COHORT_1', 15),
  ('QOC', 'NHS Shropshire, Telford and Wrekin Integrated Care Board', 'Shropshire, Telford and Wrekin', 'COHORT_1', 16),
  ('QNX', 'NHS Sussex Integrated Care Board', 'Sussex', 'COHORT_1', 17);

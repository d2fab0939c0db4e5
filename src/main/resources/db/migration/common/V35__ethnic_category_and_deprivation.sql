-- Equity reporting (DOMAIN.md §9): the person's ethnic category (NHS Data Dictionary, stored by name;
-- null: never asked), and deprivation by postcode: a reference table of Index of Multiple Deprivation
-- quintiles (1 most deprived) by postcode, sector or district, loaded as data.
alter table patient add column ethnic_category varchar(40);

create table deprivation_area (
    postcode_prefix varchar(8)  primary key,   -- "LS1 4AP", "LS1 4" or "LS1", without extra spaces
    imd_quintile    int         not null,
    source          varchar(200) not null
);

-- Lists of people that staff act on (clinic-day offers, class registers, the people waiting for a day or a
-- class) show date of birth and NHS number beside the name, so two people of the same name are never
-- confused (hazard H-27). The clinic module keeps its own copy, as it does of the name, from the accepted referral.
alter table one_stop_referral add column birth_date date;
alter table one_stop_referral add column nhs_number varchar(10);
alter table class_referral add column birth_date date;
alter table class_referral add column nhs_number varchar(10);
update one_stop_referral set birth_date = (select r.birth_date from referral r where r.id = one_stop_referral.referral_id),
                             nhs_number = (select r.nhs_number from referral r where r.id = one_stop_referral.referral_id);
update class_referral set birth_date = (select r.birth_date from referral r where r.id = class_referral.referral_id),
                          nhs_number = (select r.nhs_number from referral r where r.id = class_referral.referral_id);

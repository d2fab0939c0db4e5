-- The organisation whose clinician set a programme up: the patient's service, whose exercise media
-- the patient may see. Kept on the programme so the exercise module need not read identity's tables.
alter table programme add column organisation_code varchar(5);
update programme set organisation_code = (select s.organisation_code from staff_user s where s.username = programme.created_by);

-- The service's phone number, printed on handouts and letters so a patient knows whom to call.
alter table provider add column phone varchar(30);

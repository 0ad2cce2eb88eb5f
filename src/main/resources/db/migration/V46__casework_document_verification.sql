-- Every generated document version carries a short verification code (printed with a QR code that opens the public
-- verification page), the issuer it names and the date it bears. Versions generated before this migration have none
-- and are not verifiable in public; generating the document again gives a new version that is.
alter table case_document add column verification_code varchar(12);
alter table case_document add column issuer varchar(200);
alter table case_document add column issued_on date;
alter table case_document add constraint case_document_verification_code_key unique (verification_code);
alter table case_document add constraint case_document_verification_code_format
    check (verification_code is null or verification_code ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$');

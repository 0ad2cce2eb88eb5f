-- Supervision documents carry a verification code and QR code like the case documents, checked on the same public page.
-- Documents issued before this have none.
alter table sv_document add column verification_code varchar(12);
alter table sv_document add constraint sv_document_verification_code_key unique (verification_code);
alter table sv_document add constraint sv_document_verification_code_format
    check (verification_code is null or verification_code ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$');

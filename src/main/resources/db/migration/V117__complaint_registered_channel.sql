-- A complaint the supervisor registers says how it came in: 来信 (LETTER), 来访 (VISIT) or 来电 (PHONE). Those registered
-- before keep FORM (登记, the way not recorded).
alter table sv_complaint drop constraint sv_complaint_channel_check;
alter table sv_complaint add constraint sv_complaint_channel_check
    check (channel in ('FORM', 'LETTER', 'VISIT', 'PHONE', 'PUBLIC', 'HOTLINE'));

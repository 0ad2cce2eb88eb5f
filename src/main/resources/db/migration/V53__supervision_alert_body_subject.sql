-- An alert may be about a body as a whole (趋利性执法: its fines far above its own past), not only an act or a document.
alter table sv_alert drop constraint sv_alert_subject_kind_check;
alter table sv_alert add constraint sv_alert_subject_kind_check check (subject_kind in ('ACT', 'DOCUMENT', 'BODY'));

-- Before an inspection is carried out the enterprise is told (检查通知: when and how), or the visit is unannounced for a
-- recorded reason (e.g. a complaint about ongoing unlicensed work that notice would defeat).
alter table insp_visit add column notice_kind varchar(16) check (notice_kind in ('NOTIFIED', 'UNANNOUNCED'));
alter table insp_visit add column notice_note varchar(500);
alter table insp_visit add column noticed_on date;

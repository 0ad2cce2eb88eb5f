-- The officer module's published read view: who an officer is, where, and under which account.
create view officer_view as
select o.id, o.body_id, o.name, o.user_id, o.status, o.staffing_type, o.legal_qualification_no, o.demo from officer o;

-- The identity module's published read view of who holds which role, for other modules to find, say, a body's heads
-- (负责人) without reading the identity tables.
create view account_role_view as
select r.user_id as account_id, r.role from idn_user_role r;

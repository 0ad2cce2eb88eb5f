-- The identity module's published read view: an account's name and body, never its password or login state.
create view account_view as
select u.id, u.username, u.display_name, u.body_id, u.enabled from idn_user u;

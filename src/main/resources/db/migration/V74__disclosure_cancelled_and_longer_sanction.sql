-- A decision changed, revoked or confirmed illegal before it was published is not published any more (CANCELLED); the
-- sanction as published may be long (a list of confiscated property).
alter table disclosure_item drop constraint if exists disclosure_item_status_check;
alter table disclosure_item add constraint disclosure_item_status_check check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN', 'EXEMPT', 'CANCELLED'));
alter table disclosure_item alter column sanction type text;

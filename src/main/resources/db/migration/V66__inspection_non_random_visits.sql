-- Inspections not drawn at random (RULES.md §5): registered with their origin (投诉举报、转办交办、专项检查、其他) and reason,
-- approved by the head before they are carried out, and counted toward the yearly caps like any visit. Their items are
-- the visit's own (a drawn visit takes its task's).
alter table insp_visit add column origin varchar(16) not null default 'RANDOM'
    check (origin in ('RANDOM', 'COMPLAINT', 'REFERRAL', 'SPECIAL', 'OTHER'));
alter table insp_visit add column origin_reason varchar(500);
alter table insp_visit add column approved_by varchar(100);
alter table insp_visit add column approved_on date;

create table insp_visit_item (
    visit_id      bigint        not null references insp_visit (id),
    item_id       bigint        not null references insp_item (id),
    primary key (visit_id, item_id)
);

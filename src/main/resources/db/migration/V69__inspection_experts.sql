-- Experts assisting an inspection (RULES.md §5): added to a team by the head once its inspectors are drawn; they assist,
-- they do not enforce, and the enterprise sees them on the scan page.
create table insp_expert (
    id            bigserial     primary key,
    visit_id      bigint        not null references insp_visit (id),
    name          varchar(50)   not null,
    expertise     varchar(200)  not null,
    added_by      varchar(100)  not null,
    added_at      timestamptz   not null
);
create index insp_expert_visit on insp_expert (visit_id);

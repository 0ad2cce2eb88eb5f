-- 随机抽查事项清单 (RULES.md §5): per body, the items it may inspect at random, each one of its published catalogue's
-- matters of type 行政检查, with the objects it covers and how it is checked; published (for the portal and the draws)
-- or withdrawn, never deleted.
create table insp_item (
    id            bigserial     primary key,
    body_id       bigint        not null references org_body (id),
    matter_code   varchar(64)   not null,
    name          varchar(300)  not null,
    basis         text          not null,
    object_scope  varchar(300)  not null,
    method        varchar(300)  not null,
    status        varchar(16)   not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    published_on  date,
    version       integer       not null default 0,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null
);
create unique index insp_item_live on insp_item (body_id, matter_code) where status <> 'WITHDRAWN';
create index insp_item_body on insp_item (body_id, status);

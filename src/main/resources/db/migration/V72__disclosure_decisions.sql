-- 事后公开 (RULES.md §4.1; 行政处罚法第四十八条): a penalty decision is drafted for publication, masked, when it is made;
-- the body publishes it within 7 working days (or it is exempt: a warning only, when configured) and withdraws it within
-- 3 working days when it is changed, revoked or confirmed illegal. The text published is kept as published.
create table disclosure_item (
    id               bigserial     primary key,
    case_id          bigint        not null unique references enforcement_case (id),
    body_id          bigint        not null references org_body (id),
    title            varchar(200)  not null,
    decision_number  varchar(100),
    party            varchar(300)  not null,
    place            varchar(200)  not null,
    matter           varchar(300)  not null,
    sanction         varchar(500)  not null,
    facts            text          not null,
    decided_on       date          not null,
    status           varchar(16)   not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN', 'EXEMPT')),
    publish_by       date          not null,
    published_on     date,
    published_by     varchar(100),
    verification_code varchar(20),
    withdraw_by      date,
    withdrawn_on     date,
    withdraw_reason  varchar(500),
    version          integer       not null default 0,
    created_at       timestamptz   not null
);
create index disclosure_item_public on disclosure_item (status, published_on desc);
create index disclosure_item_body on disclosure_item (body_id, status);

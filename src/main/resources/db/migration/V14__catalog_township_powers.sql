-- 乡镇赋权 (方案任务10): matters of county departments delegated to townships/街道 by a document, withdrawn with a reason;
-- the rows are the history (a withdrawn delegation stays, a re-delegation is a new row).
create table township_delegation (
    id               bigserial     primary key,
    township_body_id bigint        not null references org_body (id),
    matter_id        bigint        not null references enforcement_matter (id),
    document_title   varchar(300)  not null,
    document_number  varchar(100)  not null,
    effective_from   date          not null,
    reason           varchar(1000) not null,
    added_by         varchar(200)  not null,
    added_at         timestamptz   not null,
    withdrawn_on     date,
    withdraw_reason  varchar(1000),
    withdrawn_by     varchar(200),
    withdrawn_at     timestamptz,
    demo             boolean       not null default false,
    check (withdrawn_on is null or withdrawn_on >= effective_from)
);
create unique index township_delegation_live on township_delegation (township_body_id, matter_id) where withdrawn_at is null;

-- 第三方评估: one assessment per township, year and assessor.
create table township_evaluation (
    id               bigserial    primary key,
    township_body_id bigint       not null references org_body (id),
    year             integer      not null check (year between 2000 and 2100),
    assessor         varchar(200) not null,
    score            numeric(4,1) not null check (score between 0 and 100),
    comments         text         not null,
    assessed_on      date         not null,
    recorded_by      varchar(200) not null,
    recorded_at      timestamptz  not null,
    demo             boolean      not null default false,
    unique (township_body_id, year, assessor)
);

-- 群众评价: feedback on how a township uses its powers.
create table township_feedback (
    id               bigserial     primary key,
    township_body_id bigint        not null references org_body (id),
    received_on      date          not null,
    channel          varchar(16)   not null check (channel in ('HOTLINE', 'LETTER', 'MEETING', 'ONLINE', 'OTHER')),
    satisfaction     varchar(16)   not null check (satisfaction in ('SATISFIED', 'BASIC', 'UNSATISFIED')),
    content          varchar(2000) not null,
    recorded_by      varchar(200)  not null,
    recorded_at      timestamptz   not null,
    demo             boolean       not null default false
);

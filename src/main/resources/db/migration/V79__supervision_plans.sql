-- 年度行政执法监督计划 (方案任务13; RULES.md §8): each supervising unit files its plan for the year by 31 March — items
-- with their target, schedule and the person responsible — and reports progress against each item. The year's
-- supervision report is assembled from the data, not from this table.
create table sv_plan (
    id          bigserial    primary key,
    body_id     bigint       not null references org_body (id),
    year        integer      not null check (year between 2020 and 2100),
    status      varchar(16)  not null check (status in ('DRAFT', 'FILED')),
    filed_on    date,
    filed_by    varchar(100),
    late        boolean      not null default false,
    version     integer      not null default 0,
    created_at  timestamptz  not null,
    unique (body_id, year),
    check ((status = 'FILED') = (filed_on is not null))
);
create table sv_plan_item (
    id             bigserial    primary key,
    plan_id        bigint       not null references sv_plan (id),
    title          varchar(200) not null,
    target         varchar(500) not null,
    starts_on      date         not null,
    ends_on        date         not null,
    responsible    varchar(100) not null,
    progress       varchar(16)  not null default 'NOT_STARTED' check (progress in ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    progress_note  text         check (length(progress_note) <= 2000),
    progress_on    date,
    version        integer      not null default 0,
    check (ends_on >= starts_on)
);
create index sv_plan_item_plan on sv_plan_item (plan_id, id);

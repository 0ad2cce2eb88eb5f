-- 三年行动方案的跟踪 (方案 三（四）强化评估考核): a plan loaded as data (tasks, items with their deadline, responsible units
-- and, where the platform holds the evidence, the measure its status is computed from), the units' progress reports with
-- attachments, and the generated mid-term and final evaluation reports.
create table sv_action_plan (
    id          bigserial     primary key,
    code        varchar(40)   not null unique,
    title       varchar(200)  not null,
    issuer      varchar(100)  not null,
    issued_on   date          not null,
    starts_on   date          not null,
    ends_on     date          not null,
    source      text          not null,
    loaded_by   varchar(100)  not null,
    loaded_at   timestamptz   not null
);
create table sv_action_task (
    id           bigserial     primary key,
    plan_id      bigint        not null references sv_action_plan (id),
    number       integer       not null,
    section      varchar(100)  not null,
    title        varchar(200)  not null,
    responsible  varchar(400)  not null,
    unique (plan_id, number)
);
create table sv_action_item (
    id           bigserial     primary key,
    task_id      bigint        not null references sv_action_task (id),
    title        varchar(300)  not null,
    due          date          not null,
    responsible  varchar(400)  not null,
    measure      varchar(40),
    sort         integer       not null
);
create table sv_action_report (
    id           bigserial     primary key,
    item_id      bigint        not null references sv_action_item (id),
    body_id      bigint        not null references org_body (id),
    status       varchar(16)   not null check (status in ('IN_PROGRESS', 'DONE')),
    note         text          not null check (length(note) <= 2000),
    file_name    varchar(200),
    file_type    varchar(100),
    file_bytes   bytea,
    reported_by  varchar(100)  not null,
    reported_at  timestamptz   not null,
    check ((file_name is null) = (file_bytes is null))
);
create index sv_action_report_item on sv_action_report (item_id, reported_at);
create table sv_action_evaluation (
    id            bigserial     primary key,
    plan_id       bigint        not null references sv_action_plan (id),
    kind          varchar(12)   not null check (kind in ('MIDTERM', 'FINAL')),
    pdf           bytea         not null,
    docx          bytea         not null,
    generated_by  varchar(100)  not null,
    generated_at  timestamptz   not null
);

-- 专项整治 (方案任务5): a campaign with the plan's dates and problem categories as data; each body's duty — its
-- outstanding-problem list with a rectification plan per problem (问题表现, 整改措施, 工作标准, 完成时限), progress reports
-- and a final report; vertically managed bodies report to their superior and copy the local justice bureau.
create table sv_campaign (
    id                bigserial     primary key,
    code              varchar(40)   not null unique,
    title             varchar(200)  not null,
    lead_body_id      bigint        not null references org_body (id),
    categories        varchar(1000) not null,
    list_due          date          not null,
    report_due        date          not null,
    supervision_due   date          not null,
    created_by        varchar(100)  not null,
    created_at        timestamptz   not null,
    check (report_due >= list_due and supervision_due >= report_due)
);
create table sv_campaign_duty (
    id                   bigserial     primary key,
    campaign_id          bigint        not null references sv_campaign (id),
    body_id              bigint        not null references org_body (id),
    report_to_body_id    bigint        not null references org_body (id),
    copy_to_body_id      bigint        references org_body (id),
    list_submitted_at    timestamptz,
    list_submitted_by    varchar(100),
    final_report         text          check (length(final_report) <= 8000),
    final_submitted_at   timestamptz,
    final_submitted_by   varchar(100),
    version              integer       not null default 0,
    unique (campaign_id, body_id)
);
create table sv_campaign_problem (
    id             bigserial     primary key,
    duty_id        bigint        not null references sv_campaign_duty (id),
    category       varchar(40)   not null,
    manifestation  varchar(1000) not null,
    measures       varchar(2000) not null,
    standard       varchar(1000) not null,
    deadline       date          not null,
    rectified_on   date,
    progress       varchar(2000),
    version        integer       not null default 0
);
create index sv_campaign_problem_duty on sv_campaign_problem (duty_id);

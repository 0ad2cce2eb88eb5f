-- 执法事项目录: a body compiles its matters, submits them to the justice bureau (备案), the bureau reviews every item for
-- 合法性 / 合理性 / 必要性 and publishes a numbered version. Published versions never change (triggers below).

-- The violations (裁量基准的违法行为编码) a penalty matter covers: the link from the catalogue to the benchmarks.
alter table enforcement_matter add column violation_codes varchar(400) not null default '';

create table catalogue_submission (
    id           bigserial     primary key,
    body_id      bigint        not null references org_body (id),
    status       varchar(16)   not null check (status in ('SUBMITTED', 'RETURNED', 'PUBLISHED', 'WITHDRAWN')),
    note         varchar(1000) not null default '',
    submitted_by varchar(200)  not null,
    submitted_at timestamptz   not null,
    decided_by   varchar(200),
    decided_at   timestamptz,
    opinion      varchar(2000),
    version_no   integer
);
-- one submission under review per body at a time
create unique index catalogue_submission_open on catalogue_submission (body_id) where status = 'SUBMITTED';

-- The items as submitted (a snapshot: later edits of the matters do not change what was reviewed) with their review.
create table catalogue_submission_item (
    submission_id   bigint        not null references catalogue_submission (id),
    matter_id       bigint        not null references enforcement_matter (id),
    code            varchar(40)   not null,
    name            varchar(300)  not null,
    type            varchar(16)   not null,
    domain_code     varchar(32)   not null,
    township        boolean       not null,
    status          varchar(16)   not null check (status in ('ACTIVE', 'SUSPENDED')),
    basis           text          not null,
    violation_codes varchar(400)  not null,
    legality        boolean,
    reasonableness  boolean,
    necessity       boolean,
    opinion         varchar(1000),
    reviewed_by     varchar(200),
    reviewed_at     timestamptz,
    primary key (submission_id, code)
);

create table catalogue_version (
    id            bigserial    primary key,
    body_id       bigint       not null references org_body (id),
    version_no    integer      not null check (version_no > 0),
    submission_id bigint       not null references catalogue_submission (id),
    published_by  varchar(200) not null,
    published_at  timestamptz  not null,
    item_count    integer      not null,
    unique (body_id, version_no)
);

create table catalogue_version_item (
    version_id      bigint       not null references catalogue_version (id),
    matter_id       bigint       not null references enforcement_matter (id),
    code            varchar(40)  not null,
    name            varchar(300) not null,
    type            varchar(16)  not null,
    domain_code     varchar(32)  not null,
    township        boolean      not null,
    status          varchar(16)  not null,
    basis           text         not null,
    violation_codes varchar(400) not null,
    primary key (version_id, code)
);

create function catalogue_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '已发布的执法事项目录版本不得修改或删除 (%)', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;
create trigger catalogue_version_frozen before update or delete on catalogue_version
    for each row execute function catalogue_refuse_change();
create trigger catalogue_version_item_frozen before update or delete on catalogue_version_item
    for each row execute function catalogue_refuse_change();

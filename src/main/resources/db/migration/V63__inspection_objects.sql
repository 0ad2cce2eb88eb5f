-- 检查对象名录库 (RULES.md §5): the enterprises and individual businesses that may be drawn for inspection, with their
-- 信用风险分类 (A low … D high) and its history.
create table insp_object (
    id          bigserial     primary key,
    uscc        varchar(18)   not null unique check (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    name        varchar(200)  not null check (length(btrim(name)) > 0),
    kind        varchar(24)   not null check (kind in ('ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'OTHER')),
    industry    varchar(100)  not null,
    region_id   bigint        not null references org_region (id),
    address     varchar(300)  not null,
    licences    varchar(1000) not null default '',
    risk_class  char(1)       not null check (risk_class in ('A', 'B', 'C', 'D')),
    demo        boolean       not null default false,
    version     integer       not null default 0,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create index insp_object_region on insp_object (region_id, risk_class);
create index insp_object_name on insp_object (name);

create table insp_object_risk_change (
    id          bigserial     primary key,
    object_id   bigint        not null references insp_object (id),
    from_class  char(1),
    to_class    char(1)       not null,
    source      varchar(200)  not null,
    changed_on  date          not null,
    actor_name  varchar(100)  not null,
    recorded_at timestamptz   not null
);
create index insp_object_risk_change_object on insp_object_risk_change (object_id, id);

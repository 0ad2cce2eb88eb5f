-- 行政裁量权基准: items per level; tiers with types and ranges (fines in fen, multiples of illegal gains).
create table discretion_benchmark (
    id               bigserial    primary key,
    level            varchar(16)  not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY', 'BODY')),
    region_id        bigint       references org_region (id),
    body_id          bigint       references org_body (id),
    violation_code   varchar(40)  not null check (violation_code ~ '^[A-Z0-9][A-Z0-9-]*$'),
    violation        varchar(300) not null,
    domain_code      varchar(32)  not null references org_domain (code),
    violated_article varchar(200) not null,
    penalty_article  varchar(200) not null,
    document_number  varchar(100),
    effective_from   date         not null,
    effective_to     date,
    published        boolean      not null default false,
    demo             boolean      not null default false,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    check ((level = 'BODY') = (body_id is not null)),
    check ((level <> 'BODY') = (region_id is not null)),
    check (effective_to is null or effective_to > effective_from)
);
create unique index discretion_benchmark_unique on discretion_benchmark (level, coalesce(region_id, 0), coalesce(body_id, 0), violation_code, effective_from);
create index discretion_benchmark_violation on discretion_benchmark (violation_code);

create table discretion_tier (
    benchmark_id bigint        not null references discretion_benchmark (id),
    tier         varchar(16)   not null check (tier in ('NO_PENALTY', 'MITIGATED', 'LIGHTER', 'GENERAL', 'HEAVIER')),
    conditions   text          not null,
    types        varchar(400)  not null,
    min_fine     bigint        check (min_fine >= 0),
    max_fine     bigint        check (max_fine >= 0),
    min_multiple numeric(8,2)  check (min_multiple >= 0),
    max_multiple numeric(8,2)  check (max_multiple >= 0),
    primary key (benchmark_id, tier)
);

-- 数据交换（执法行为报送）: the systems of other departments that report enforcement acts to the ledger, the bodies each
-- may report for, and the mapping from each system's own codes to ours (editable by the 系统管理员). A report names its
-- source system; the ledger's sv_act.source is the source system's code.
create table sv_source_system (
    id          bigserial    primary key,
    code        varchar(40)  not null unique check (code ~ '^[A-Z][A-Z0-9_-]{1,39}$' and code <> 'PLATFORM'),
    name        varchar(100) not null check (length(btrim(name)) > 0),
    active      boolean      not null default true,
    demo        boolean      not null default false,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- The bodies a source system may report acts for (a department's vertical system reports for that department).
create table sv_source_body (
    source_id   bigint       not null references sv_source_system (id),
    body_id     bigint       not null references org_body (id),
    primary key (source_id, body_id)
);

-- A source system's code of one class and the platform's code it stands for; mapping happens before validation.
create table sv_code_mapping (
    id            bigserial    primary key,
    source_id     bigint       not null references sv_source_system (id),
    code_class    varchar(24)  not null check (code_class in ('MATTER', 'STAGE', 'DECISION_OUTCOME', 'PARTY_KIND', 'BODY')),
    external_code varchar(100) not null check (length(btrim(external_code)) > 0),
    our_code      varchar(100) not null check (length(btrim(our_code)) > 0),
    updated_at    timestamptz  not null,
    constraint sv_code_mapping_unique unique (source_id, code_class, external_code)
);

-- 执法事项目录: matters of each body with their legal basis (citations into the legal library) and status history.
create table enforcement_matter (
    id          bigserial    primary key,
    body_id     bigint       not null references org_body (id),
    code        varchar(40)  not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9-]*$'),
    name        varchar(300) not null,
    type        varchar(16)  not null check (type in ('PENALTY', 'COERCION', 'INSPECTION', 'LEVY', 'REQUISITION', 'LICENSING', 'CONFIRMATION', 'BENEFIT', 'ADJUDICATION', 'REWARD', 'OTHER')),
    domain_code varchar(32)  not null references org_domain (code),
    township    boolean      not null default false,
    status      varchar(16)  not null check (status in ('DRAFT', 'ACTIVE', 'SUSPENDED', 'CANCELLED')),
    demo        boolean      not null default false,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    unique (body_id, code)
);

create table enforcement_matter_basis (
    matter_id   bigint       not null references enforcement_matter (id),
    citation    varchar(200) not null,
    provision_id bigint      not null references legal_provision (id),
    primary key (matter_id, citation)
);

create table enforcement_matter_status (
    id         bigserial    primary key,
    matter_id  bigint       not null references enforcement_matter (id),
    from_status varchar(16),
    to_status  varchar(16)  not null,
    reason     varchar(500) not null,
    actor_name varchar(200) not null,
    changed_at timestamptz  not null
);

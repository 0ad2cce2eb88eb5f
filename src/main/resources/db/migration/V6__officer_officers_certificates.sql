-- 执法人员、执法证件、证件号规则、注销申请（待推送省证件管理系统）.
create table officer (
    id                     bigserial    primary key,
    body_id                bigint       not null references org_body (id),
    name                   varchar(50)  not null,
    id_number_cipher       text         not null,
    id_number_fingerprint  char(64)     not null unique,
    id_number_masked       varchar(18)  not null,
    post                   varchar(100) not null,
    staffing_type          varchar(16)  not null check (staffing_type in ('ESTABLISHED', 'CONTRACT', 'AUXILIARY')),
    legal_qualification_no varchar(50),
    police                 boolean      not null default false,
    supervision_staff      boolean      not null default false,
    legal_reviewer         boolean      not null default false,
    status                 varchar(16)  not null check (status in ('ON_DUTY', 'TRANSFERRED', 'RETIRED', 'REASSIGNED', 'RESIGNED', 'DISMISSED', 'CRIMINAL')),
    demo                   boolean      not null default false,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    check (staffing_type <> 'AUXILIARY' or (not supervision_staff and not legal_reviewer))
);
create index officer_body on officer (body_id);

create table officer_domain (
    officer_id  bigint      not null references officer (id),
    domain_code varchar(32) not null references org_domain (code),
    primary key (officer_id, domain_code)
);

create table officer_status_change (
    id              bigserial    primary key,
    officer_id      bigint       not null references officer (id),
    from_status     varchar(16),
    to_status       varchar(16)  not null,
    effective_date  date         not null,
    reason          varchar(500) not null,
    document_number varchar(100),
    actor_name      varchar(200) not null,
    recorded_at     timestamptz  not null
);
create index officer_status_change_officer on officer_status_change (officer_id, effective_date);

-- 证件号格式按发证省份配置（全国统一样式的编号规则未公开，只作格式校验）.
create table certificate_number_rule (
    province_code varchar(2)   primary key check (province_code ~ '^[1-9][0-9]$'),
    province_name varchar(20)  not null,
    pattern       varchar(200) not null,
    example       varchar(40)  not null,
    note          varchar(300) not null
);
insert into certificate_number_rule values
    ('53', '云南省', '^53[0-9]{6,14}$', '530000202400001', '示例规则：以省份代码53开头的8至16位数字；以省司法厅发布的编号规则为准，可在“证件号规则”中修改');

create table certificate (
    id                 bigserial    primary key,
    officer_id         bigint       not null references officer (id),
    number             varchar(40)  unique,
    province_code      varchar(2)   not null references certificate_number_rule (province_code),
    issuing_authority  varchar(100) not null,
    status             varchar(16)  not null check (status in ('APPLIED', 'UNDER_REVIEW', 'VALID', 'SUSPENDED', 'WITHDRAWN', 'CANCELLED', 'REVOKED', 'EXPIRED', 'REJECTED')),
    valid_from         date,
    valid_to           date,
    demo               boolean      not null default false,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    check (valid_to is null or valid_from is null or valid_to > valid_from),
    check (status not in ('VALID', 'SUSPENDED') or (number is not null and valid_from is not null and valid_to is not null))
);
create index certificate_officer on certificate (officer_id);
-- at most one live certificate (有效 or 暂扣) and one open application per officer
create unique index certificate_one_live on certificate (officer_id) where status in ('VALID', 'SUSPENDED');
create unique index certificate_one_open on certificate (officer_id) where status in ('APPLIED', 'UNDER_REVIEW');

create table certificate_domain (
    certificate_id bigint      not null references certificate (id),
    domain_code    varchar(32) not null references org_domain (code),
    primary key (certificate_id, domain_code)
);

create table certificate_event (
    id              bigserial    primary key,
    certificate_id  bigint       not null references certificate (id),
    from_status     varchar(16),
    to_status       varchar(16)  not null,
    effective_date  date         not null,
    reason          varchar(500) not null,
    document_number varchar(100),
    actor_name      varchar(200) not null,
    recorded_at     timestamptz  not null
);
create index certificate_event_certificate on certificate_event (certificate_id, effective_date, id);

-- 注销申请: queued for the 云南省行政执法证件管理系统; pushed by the data-exchange work.
create table certificate_cancellation_request (
    id             bigserial    primary key,
    certificate_id bigint       not null references certificate (id),
    officer_id     bigint       not null references officer (id),
    reason         varchar(500) not null,
    target_system  varchar(100) not null,
    status         varchar(16)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    created_at     timestamptz  not null,
    sent_at        timestamptz,
    unique (certificate_id)
);

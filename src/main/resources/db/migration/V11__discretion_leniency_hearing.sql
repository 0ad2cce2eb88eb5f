-- 减免责清单 (包容审慎监管, 云政办发〔2022〕51号) and 较大数额 hearing thresholds (行政处罚法第六十三条).
create table leniency_item (
    id              bigserial    primary key,
    list_type       varchar(24)  not null check (list_type in ('NO_PENALTY', 'LIGHTER', 'MITIGATED', 'NO_COERCIVE_MEASURE')),
    region_id       bigint       not null references org_region (id),
    violation_code  varchar(40)  not null,
    matter          varchar(300) not null,
    legal_basis     varchar(300) not null,
    required        varchar(400) not null,
    conditions      text         not null,
    exclusions      text         not null,
    measures        text         not null,
    issuer          varchar(200) not null,
    document_number varchar(100) not null,
    valid_from      date         not null,
    valid_to        date,
    demo            boolean      not null default false,
    created_at      timestamptz  not null,
    check (valid_to is null or valid_to > valid_from)
);
create index leniency_item_violation on leniency_item (violation_code);

create table hearing_threshold (
    id              bigserial    primary key,
    domain_code     varchar(32)  not null references org_domain (code),
    region_id       bigint       not null references org_region (id),
    party_type      varchar(16)  not null check (party_type in ('NATURAL_PERSON', 'ORGANIZATION')),
    amount          bigint       not null check (amount > 0),
    source_document varchar(300) not null,
    effective_from  date         not null,
    note            varchar(300),
    demo            boolean      not null default false,
    created_at      timestamptz  not null,
    unique (domain_code, region_id, party_type, effective_from)
);

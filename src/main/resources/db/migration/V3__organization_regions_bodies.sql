-- 行政区划: a tree; path is the materialised chain of ids (/1/2/3/) used for subtree scopes.
create table org_region (
    id         bigserial    primary key,
    code       varchar(12)  unique check (code ~ '^[0-9]{6}([0-9]{3})?$'),
    name       varchar(100) not null,
    level      varchar(16)  not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP')),
    parent_id  bigint       references org_region (id),
    path       varchar(500) not null unique,
    created_at timestamptz  not null default now(),
    check ((level = 'PROVINCE') = (parent_id is null)),
    unique (parent_id, name)
);

-- Official codes only where known (RULES.md §10); the other townships wait for their code.
insert into org_region (id, code, name, level, parent_id, path) values
    (1, '530000', '云南省', 'PROVINCE', null, '/1/'),
    (2, '533100', '德宏傣族景颇族自治州', 'PREFECTURE', 1, '/1/2/'),
    (3, '533103', '芒市', 'COUNTY', 2, '/1/2/3/'),
    (4, null, '勐焕街道', 'TOWNSHIP', 3, '/1/2/3/4/'),
    (5, null, '芒市镇', 'TOWNSHIP', 3, '/1/2/3/5/'),
    (6, '533103102', '遮放镇', 'TOWNSHIP', 3, '/1/2/3/6/'),
    (7, null, '勐戛镇', 'TOWNSHIP', 3, '/1/2/3/7/'),
    (8, null, '芒海镇', 'TOWNSHIP', 3, '/1/2/3/8/'),
    (9, null, '风平镇', 'TOWNSHIP', 3, '/1/2/3/9/'),
    (10, null, '轩岗乡', 'TOWNSHIP', 3, '/1/2/3/10/'),
    (11, null, '江东乡', 'TOWNSHIP', 3, '/1/2/3/11/'),
    (12, null, '西山乡', 'TOWNSHIP', 3, '/1/2/3/12/'),
    (13, null, '中山乡', 'TOWNSHIP', 3, '/1/2/3/13/'),
    (14, null, '五岔路乡', 'TOWNSHIP', 3, '/1/2/3/14/'),
    (15, null, '三台山德昂族乡', 'TOWNSHIP', 3, '/1/2/3/15/');
select setval('org_region_id_seq', 100);

-- 执法领域: an editable code list.
create table org_domain (
    code       varchar(32)  primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    name       varchar(50)  not null unique,
    active     boolean      not null default true,
    sort_order integer      not null default 0
);
insert into org_domain (code, name, sort_order) values
    ('MARKET', '市场监管', 10),
    ('URBAN', '城市管理（综合行政执法）', 20),
    ('ECOLOGY', '生态环境', 30),
    ('TRANSPORT', '交通运输', 40),
    ('AGRICULTURE', '农业农村', 50),
    ('CULTURE', '文化市场', 60),
    ('EMERGENCY', '应急管理', 70),
    ('HEALTH', '卫生健康', 80),
    ('NATURAL_RESOURCES', '自然资源', 90),
    ('HOUSING', '住房城乡建设', 100),
    ('WATER', '水利', 110),
    ('PUBLIC_SECURITY', '公安', 120),
    ('HUMAN_RESOURCES', '人力资源社会保障', 130),
    ('FORESTRY', '林业和草原', 140),
    ('DEVELOPMENT', '发展改革', 150),
    ('FINANCE', '财政', 160),
    ('JUSTICE', '司法行政', 170),
    ('GOVERNMENT_SERVICE', '政务服务', 180),
    ('TOWNSHIP', '乡镇（街道）综合执法', 190);

-- 执法主体.
create table org_body (
    id                   bigserial    primary key,
    name                 varchar(200) not null,
    uscc                 char(18)     not null unique,
    kind                 varchar(32)  not null check (kind in ('ADMINISTRATIVE_ORGAN', 'AUTHORIZED_ORGANIZATION', 'ENTRUSTED_ORGANIZATION')),
    region_id            bigint       not null references org_region (id),
    status               varchar(16)  not null check (status in ('ACTIVE', 'INACTIVE')),
    qualification_notice varchar(100),
    supervisory          boolean      not null default false,
    vertical             boolean      not null default false,
    superior_body_id     bigint       references org_body (id),
    demo                 boolean      not null default false,
    version              integer      not null default 0,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    unique (region_id, name),
    check (not vertical or superior_body_id is not null),
    check (superior_body_id is null or superior_body_id <> id)
);
create index org_body_region on org_body (region_id);

create table org_body_domain (
    body_id     bigint      not null references org_body (id),
    domain_code varchar(32) not null references org_domain (code),
    primary key (body_id, domain_code)
);

-- 委托书 (行政处罚法第二十条): the entrusted organisation acts in the entrusting organ's name and cannot entrust further.
create table org_entrustment (
    id                 bigserial    primary key,
    body_id            bigint       not null references org_body (id),
    entrusting_body_id bigint       not null references org_body (id),
    document_number    varchar(100) not null,
    scope              text         not null,
    authority          text         not null,
    valid_from         date         not null,
    valid_to           date         not null,
    published          boolean      not null,
    created_at         timestamptz  not null,
    check (valid_to >= valid_from),
    check (body_id <> entrusting_body_id)
);
create index org_entrustment_body on org_entrustment (body_id);

-- 行政处罚案件 (行政处罚法, general procedure), first part: clue → triage → 立案, officers, timers and case numbers.

create table penalty_case (
    id                bigserial     primary key,
    body_id           bigint        not null references org_body (id),
    matter_id         bigint        not null references enforcement_matter (id),
    stage             varchar(24)   not null,
    source            varchar(24)   not null,
    idempotency_key   varchar(100),
    party_kind        varchar(16)   not null check (party_kind in ('NATURAL_PERSON', 'ORGANIZATION')),
    party_name        varchar(200)  not null,
    party_id_cipher   text,          -- a natural person's ID number, SM4-GCM encrypted
    party_key         varchar(100)  not null, -- USCC, or the HMAC-SM3 fingerprint of the ID number
    party_masked      varchar(40)   not null,
    place_region_id   bigint        not null references org_region (id),
    place_detail      varchar(300)  not null default '',
    act_date          date          not null,
    act_end_date      date,
    serious_harm      boolean       not null default false, -- 涉及公民生命健康安全、金融安全且有危害后果 (Art. 36: 5 years)
    description       text          not null,
    received_on       date          not null,
    registered_by     varchar(200)  not null,
    registered_by_id  bigint,
    case_number       varchar(100),
    case_year         integer,
    case_seq          integer,
    filed_on          date,
    filed_by          varchar(200),
    outcome           varchar(24),
    outcome_reason    text,
    education_record  text,
    handed_over_to    bigint        references org_body (id),
    decided_on        date,
    decision_number   varchar(100),
    demo              boolean       not null default false,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    check (act_end_date is null or act_end_date >= act_date),
    unique (body_id, idempotency_key),
    unique (body_id, case_year, case_seq)
);
create index penalty_case_party on penalty_case (party_key);
create index penalty_case_matter on penalty_case (matter_id);

-- The officers handling the case (Art. 42: at least two with valid certificates).
create table penalty_case_officer (
    case_id     bigint      not null references penalty_case (id),
    officer_id  bigint      not null references officer (id),
    assigned_on date        not null,
    released_on date,
    primary key (case_id, officer_id, assigned_on)
);

-- Every timer of a case: what, unit, legal source, start, due, state; pauses are kept separately.
create table penalty_case_timer (
    id           bigserial    primary key,
    case_id      bigint       not null references penalty_case (id),
    kind         varchar(32)  not null,
    label        varchar(100) not null,
    unit         varchar(16)  not null,
    amount       integer      not null,
    legal_source varchar(200) not null,
    start_date   date         not null,
    due_date     date         not null,
    provisional  boolean      not null default false,
    state        varchar(16)  not null check (state in ('RUNNING', 'PAUSED', 'MET', 'MISSED', 'CANCELLED')),
    closed_on    date,
    extended     integer      not null default 0,
    unique (case_id, kind)
);

-- Gapless numbers per body, kind and year: the row is locked while a number is taken in the same transaction.
create table penalty_number_sequence (
    body_id    bigint      not null references org_body (id),
    kind       varchar(16) not null,
    year       integer     not null,
    last_value integer     not null,
    primary key (body_id, kind, year)
);

-- The number format per body and kind, e.g. 芒市监罚立〔{年}〕{号}号.
create table penalty_number_format (
    body_id bigint       not null references org_body (id),
    kind    varchar(16)  not null,
    pattern varchar(100) not null check (pattern like '%{年}%' and pattern like '%{号}%'),
    primary key (body_id, kind)
);

-- 网上资格考试 (方案任务4): question bank, exams, random papers per candidate, server-timed answers.
alter table officer add column user_id bigint unique references idn_user (id);

create table exam_question (
    id            bigserial    primary key,
    part          varchar(16)  not null check (part in ('PUBLIC', 'PROFESSIONAL')),
    domain_code   varchar(32)  references org_domain (code),
    type          varchar(16)  not null check (type in ('SINGLE', 'MULTIPLE', 'TRUE_FALSE')),
    stem          text         not null,
    options       text         not null,
    answer        varchar(10)  not null check (answer ~ '^([A-F]+|T|F)$'),
    explanation   text,
    active        boolean      not null default true,
    owner_body_id bigint       references org_body (id),
    created_at    timestamptz  not null,
    check ((part = 'PROFESSIONAL') = (domain_code is not null))
);
create index exam_question_pool on exam_question (part, domain_code) where active;

create table exam (
    id                 bigserial    primary key,
    title              varchar(200) not null,
    domain_code        varchar(32)  references org_domain (code),
    public_count       integer      not null check (public_count >= 0 and public_count <= 200),
    professional_count integer      not null check (professional_count >= 0 and professional_count <= 200),
    opens_at           timestamptz  not null,
    closes_at          timestamptz  not null,
    duration_minutes   integer      not null check (duration_minutes between 5 and 600),
    pass_mark          integer      not null check (pass_mark between 1 and 100),
    exempt_qualified   boolean      not null,
    organiser_body_id  bigint       not null references org_body (id),
    demo               boolean      not null default false,
    created_at         timestamptz  not null,
    check (closes_at > opens_at),
    check (public_count + professional_count > 0),
    check ((professional_count > 0) = (domain_code is not null))
);

create table exam_candidate (
    exam_id    bigint not null references exam (id),
    officer_id bigint not null references officer (id),
    primary key (exam_id, officer_id)
);

create table exam_paper (
    id                 bigserial   primary key,
    exam_id            bigint      not null references exam (id),
    officer_id         bigint      not null references officer (id),
    public_exempt      boolean     not null,
    started_at         timestamptz not null,
    deadline_at        timestamptz not null,
    submitted_at       timestamptz,
    auto_submitted     boolean     not null default false,
    public_score       integer,
    professional_score integer,
    passed             boolean,
    unique (exam_id, officer_id),
    check (deadline_at > started_at)
);

create table exam_paper_item (
    paper_id    bigint      not null references exam_paper (id),
    seq         integer     not null,
    question_id bigint      not null references exam_question (id),
    part        varchar(16) not null,
    given       varchar(10),
    correct     boolean,
    primary key (paper_id, seq)
);

-- 全员轮训 (方案任务2、3) and staffing targets (方案任务16). Targets are per-year settings, editable.
create table training_target (
    year            integer      primary key check (year between 2000 and 2100),
    total_hours     numeric(5,1) not null check (total_hours >= 0),
    public_hours    numeric(5,1) not null check (public_hours >= 0),
    business_hours  numeric(5,1) not null check (business_hours >= 0),
    plan_due        date         not null,
    completion_due  date         not null,
    source          varchar(200) not null
);
insert into training_target
select y, 60, 18, 42, make_date(y, 3, 31), make_date(y, 6, 30), '芒市提升行政执法质量三年行动工作方案（任务2）'
from generate_series(2023, 2027) as y;

create table training_plan (
    id         bigserial    primary key,
    body_id    bigint       not null references org_body (id),
    year       integer      not null,
    title      varchar(200) not null,
    content    text         not null,
    status     varchar(16)  not null check (status in ('DRAFT', 'FILED')),
    filed_at   timestamptz,
    created_at timestamptz  not null,
    unique (body_id, year),
    check ((status = 'FILED') = (filed_at is not null))
);

create table training_session (
    id                 bigserial    primary key,
    title              varchar(200) not null,
    category           varchar(16)  not null check (category in ('PUBLIC_LAW', 'BUSINESS', 'SKILL')),
    kind               varchar(16)  not null check (kind in ('LECTURE', 'ONLINE', 'DRILL', 'COMPETITION')),
    held_on            date         not null,
    hours              numeric(5,1) not null check (hours > 0 and hours <= 200),
    place              varchar(200),
    created_by_body_id bigint       not null references org_body (id),
    demo               boolean      not null default false,
    created_at         timestamptz  not null
);
create index training_session_held_on on training_session (held_on);

create table training_session_organiser (
    session_id bigint not null references training_session (id),
    body_id    bigint not null references org_body (id),
    primary key (session_id, body_id)
);

create table training_attendance (
    session_id bigint       not null references training_session (id),
    officer_id bigint       not null references officer (id),
    hours      numeric(5,1) not null check (hours > 0),
    primary key (session_id, officer_id)
);
create index training_attendance_officer on training_attendance (officer_id);

create table staffing_setting (
    key   varchar(40)  primary key,
    value numeric(6,3) not null check (value >= 0),
    label varchar(100) not null
);
insert into staffing_setting values
    ('supervision_min', 1, '每个执法主体执法监督人员下限'),
    ('supervision_max', 2, '每个执法主体执法监督人员上限'),
    ('supervision_min_supervisory', 2, '市政府（司法行政机关代行）专职执法监督人员下限'),
    ('supervision_max_supervisory', 3, '市政府（司法行政机关代行）专职执法监督人员上限'),
    ('legal_reviewer_share', 0.05, '法制审核人员占执法人员比例');

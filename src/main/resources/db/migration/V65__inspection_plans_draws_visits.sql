-- 双随机、一公开 (RULES.md §5): each body's yearly plan of inspection tasks, filed with the justice bureau and approved
-- or returned; a task's parameters and pool committed before its one draw; the draw (beacon = the first signed record
-- anchor after the commitment) with the objects it picked; the visits (inspection cases of the kernel), their teams,
-- the checklist of each body, declared conflicts of interest and every scan of a visit's QR code.
create table insp_plan (
    id            bigserial     primary key,
    body_id       bigint        not null references org_body (id),
    year          integer       not null check (year between 2000 and 2100),
    status        varchar(16)   not null check (status in ('DRAFT', 'FILED', 'APPROVED', 'RETURNED')),
    filed_on      date,
    filed_late    boolean       not null default false,
    decided_on    date,
    decided_by    varchar(100),
    decision_note varchar(500),
    version       integer       not null default 0,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    unique (body_id, year)
);

create table insp_task (
    id            bigserial     primary key,
    plan_id       bigint        not null references insp_plan (id),
    body_id       bigint        not null references org_body (id),
    code          varchar(40)   not null unique,
    name          varchar(200)  not null,
    region_id     bigint        references org_region (id),
    industry      varchar(100),
    ratio_a       numeric(5, 2) not null check (ratio_a between 0 and 100),
    ratio_b       numeric(5, 2) not null check (ratio_b between 0 and 100),
    ratio_c       numeric(5, 2) not null check (ratio_c between 0 and 100),
    ratio_d       numeric(5, 2) not null check (ratio_d between 0 and 100),
    starts_on     date          not null,
    ends_on       date          not null check (ends_on >= starts_on),
    status        varchar(16)   not null check (status in ('PLANNED', 'COMMITTED', 'DRAWN')),
    canonical     text,
    commitment    char(64),
    committed_at  timestamptz,
    anchor_seq_at_commit bigint,
    beacon_seq    bigint,
    beacon        char(64),
    seed          char(64),
    result_digest char(64),
    drawn_at      timestamptz,
    drawn_by      varchar(100),
    version       integer       not null default 0,
    created_at    timestamptz   not null
);
create index insp_task_plan on insp_task (plan_id);

-- the items a task covers; in a joint task each participating body brings its own published items
create table insp_task_item (
    task_id       bigint        not null references insp_task (id),
    item_id       bigint        not null references insp_item (id),
    body_id       bigint        not null references org_body (id),
    primary key (task_id, item_id)
);

create table insp_conflict (
    id            bigserial     primary key,
    officer_id    bigint        not null references officer (id),
    object_id     bigint        not null references insp_object (id),
    reason        varchar(300)  not null,
    declared_on   date          not null,
    declared_by   varchar(100)  not null,
    unique (officer_id, object_id)
);

-- one visit per object and task: an inspection case of the kernel (case_id) led by the task's body
create table insp_visit (
    id            bigserial     primary key,
    task_id       bigint        references insp_task (id),
    case_id       bigint        not null unique references enforcement_case (id),
    object_id     bigint        not null references insp_object (id),
    uscc          varchar(18)   not null,
    body_id       bigint        not null references org_body (id),
    stratum       char(1),
    rank          integer,
    scan_token    varchar(40)   not null unique,
    planned_on    date          not null,
    checked_on    date,
    published_on  date,
    over_cap      boolean       not null default false,
    over_cap_reason      varchar(500),
    over_cap_approved_by varchar(100),
    over_cap_approved_on date,
    confirmed_at  timestamptz,
    version       integer       not null default 0,
    unique (task_id, object_id)
);
create index insp_visit_uscc on insp_visit (uscc, planned_on);

create table insp_team_member (
    visit_id      bigint        not null references insp_visit (id),
    body_id       bigint        not null references org_body (id),
    officer_id    bigint        not null references officer (id),
    draw_order    integer       not null,
    primary key (visit_id, officer_id)
);

create table insp_check (
    id            bigserial     primary key,
    visit_id      bigint        not null references insp_visit (id),
    item_id       bigint        not null references insp_item (id),
    body_id       bigint        not null references org_body (id),
    result        varchar(16)   not null check (result in ('PASSED', 'RECTIFY', 'VIOLATION')),
    note          varchar(2000) not null,
    rectify_by    date,
    rechecked_on  date,
    recheck_passed boolean,
    clue_case_id  bigint        references enforcement_case (id),
    recorded_by   varchar(100)  not null,
    recorded_at   timestamptz   not null,
    unique (visit_id, item_id)
);

create table insp_scan (
    id            bigserial     primary key,
    visit_id      bigint        not null references insp_visit (id),
    scanned_at    timestamptz   not null,
    action        varchar(16)   not null check (action in ('VIEWED', 'CONFIRMED', 'PROBLEM')),
    note          varchar(1000)
);
create index insp_scan_visit on insp_scan (visit_id, scanned_at);

-- 综合查一次: when two bodies' visits would reach the same enterprise in the same quarter, the platform proposes one joint
-- visit; each body accepts or declines (with a reason). Accepted by both, the two teams go in on one day.
create table insp_merge (
    id            bigserial     primary key,
    uscc          varchar(18)   not null,
    visit_a       bigint        not null references insp_visit (id),
    visit_b       bigint        not null references insp_visit (id),
    quarter       varchar(7)    not null,
    status        varchar(16)   not null check (status in ('PROPOSED', 'ACCEPTED', 'DECLINED')),
    a_decision    varchar(8)    check (a_decision in ('ACCEPT', 'DECLINE')),
    a_reason      varchar(500),
    a_by          varchar(100),
    b_decision    varchar(8)    check (b_decision in ('ACCEPT', 'DECLINE')),
    b_reason      varchar(500),
    b_by          varchar(100),
    joint_on      date,
    created_at    timestamptz   not null,
    unique (visit_a, visit_b),
    check (visit_a < visit_b)
);
create index insp_merge_b on insp_merge (visit_b);

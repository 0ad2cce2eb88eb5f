-- 行政处罚案件 from investigation to decision: evidence, transcripts, the proposed penalty with its benchmark assessment,
-- legal review and collective discussion, the prior notice with the party's windows, statements and their 复核, the
-- hearing, and the decision. Timer pauses (excluded periods) are kept so the case shows them.

create table penalty_evidence (
    id            bigserial     primary key,
    case_id       bigint        not null references penalty_case (id),
    type          varchar(24)   not null,
    title         varchar(300)  not null,
    file_name     varchar(300),
    content_type  varchar(100),
    size_bytes    bigint,
    sm3           char(64),
    collected_on  date          not null,
    collected_by  varchar(200)  not null,
    note          varchar(1000) not null default '',
    created_at    timestamptz   not null
);
create index penalty_evidence_case on penalty_evidence (case_id);

create table penalty_transcript (
    id          bigserial     primary key,
    case_id     bigint        not null references penalty_case (id),
    kind        varchar(16)   not null check (kind in ('INQUIRY', 'INSPECTION')),
    held_on     date          not null,
    place       varchar(300)  not null,
    subject     varchar(200)  not null,
    officers    varchar(300)  not null,
    content     text          not null,
    created_by  varchar(200)  not null,
    created_at  timestamptz   not null
);

create table penalty_recusal (
    id           bigserial     primary key,
    case_id      bigint        not null references penalty_case (id),
    officer_id   bigint        not null references officer (id),
    applied_on   date          not null,
    applicant    varchar(200)  not null,
    reason       varchar(1000) not null,
    decision     varchar(16)   check (decision in ('GRANTED', 'REJECTED')),
    decided_on   date,
    decided_by   varchar(200),
    note         varchar(1000)
);

create table penalty_proposal (
    case_id          bigint        primary key references penalty_case (id),
    report           text          not null,
    circumstances    varchar(400)  not null,
    illegal_gains    bigint,
    assessment       text          not null,  -- the assessment as returned by the discretion module (JSON)
    tier             varchar(16)   not null,
    types            varchar(300)  not null,
    fine             bigint,
    confiscation     bigint,
    deviations       text          not null default '',
    deviation_reason text,
    major            boolean       not null default false,
    complex          boolean       not null default false,
    proposed_by      varchar(200)  not null,
    proposed_at      timestamptz   not null
);

-- 法制审核 and 集体讨论: each round kept; the latest of a kind counts.
create table penalty_review (
    id            bigserial     primary key,
    case_id       bigint        not null references penalty_case (id),
    kind          varchar(16)   not null check (kind in ('LEGAL', 'COLLECTIVE')),
    requested_on  date          not null,
    grounds       varchar(1000) not null,
    result        varchar(16)   check (result in ('PASSED', 'RETURNED', 'DECIDED')),
    opinion       text,
    participants  varchar(1000),
    reviewer_name varchar(200),
    reviewer_user bigint,
    qualification varchar(100),
    decided_on    date
);

create table penalty_notice (
    case_id            bigint        primary key references penalty_case (id),
    issued_on          date          not null,
    types              varchar(300)  not null,
    fine               bigint,
    confiscation       bigint,
    hearing_right      boolean       not null,
    facts              text          not null,
    served_on          date,
    service_method     varchar(16),
    service_proof      varchar(500),
    statement_due      date,
    hearing_due        date,
    statement_waived_on date,
    hearing_waived_on  date
);

create table penalty_statement (
    id           bigserial     primary key,
    case_id      bigint        not null references penalty_case (id),
    received_on  date          not null,
    content      text          not null,
    result       varchar(16)   check (result in ('ADOPTED', 'PARTLY', 'REJECTED')),
    result_note  text,
    reviewed_on  date,
    reviewed_by  varchar(200)
);

create table penalty_hearing (
    case_id        bigint        primary key references penalty_case (id),
    requested_on   date          not null,
    notice_on      date,
    hearing_date   date,
    presiding_id   bigint        references officer (id),
    agents         varchar(300),
    transcript     text,
    report         text,
    held_on        date
);

create table penalty_timer_pause (
    id          bigserial     primary key,
    timer_id    bigint        not null references penalty_case_timer (id),
    paused_on   date          not null,
    resumed_on  date,
    reason      varchar(300)  not null
);

alter table penalty_case add column decision_outcome varchar(24);
alter table penalty_case add column decision_types varchar(300);
alter table penalty_case add column decision_fine bigint;
alter table penalty_case add column decision_confiscation bigint;
alter table penalty_case add column decision_text text;

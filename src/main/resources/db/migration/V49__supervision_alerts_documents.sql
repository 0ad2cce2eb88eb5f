-- 监督预警: one row per rule, subject (an act of the ledger, or a supervision document whose reply is overdue) and
-- occurrence. Raised when a rule finds its condition, closed by itself when the condition ends (state CONDITION_ENDED),
-- reopened when it comes back; its history is the full-process record of subject type sv_alert.
create table sv_alert (
    id            bigserial     primary key,
    rule_code     varchar(40)   not null,
    subject_kind  varchar(16)   not null check (subject_kind in ('ACT', 'DOCUMENT')),
    subject_id    bigint        not null,
    act_id        bigint        references sv_act (id),
    occurrence    varchar(100)  not null default '',
    body_id       bigint        not null references org_body (id),
    severity      varchar(16)   not null check (severity in ('HIGH', 'MEDIUM', 'LOW')),
    state         varchar(24)   not null check (state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED', 'VERIFIED_CLOSED', 'FALSE_ALARM', 'CONDITION_ENDED')),
    title         varchar(200)  not null,
    article       varchar(300)  not null,
    reasoning     text          not null,
    raised_on     date          not null,
    answer_due    date          not null,
    raised_at     timestamptz   not null,
    updated_at    timestamptz   not null,
    closed_at     timestamptz,
    version       bigint        not null default 0,
    constraint sv_alert_once unique (rule_code, subject_kind, subject_id, occurrence),
    constraint sv_alert_act check ((subject_kind = 'ACT') = (act_id is not null))
);
create index sv_alert_body_state on sv_alert (body_id, state);
create index sv_alert_state on sv_alert (state, id);
create index sv_alert_act on sv_alert (act_id);

-- 监督文书 (监督通知书、监督意见书、督办函、整改通知): issued by a supervising body to an enforcement body, numbered per
-- issuing body and year without gaps, the PDF as issued kept with it; the body replies, the supervisor accepts or returns.
create table sv_document (
    id               bigserial     primary key,
    issuer_body_id   bigint        not null references org_body (id),
    body_id          bigint        not null references org_body (id),
    act_id           bigint        references sv_act (id),
    doc_type         varchar(24)   not null check (doc_type in ('NOTICE', 'OPINION', 'URGING', 'RECTIFICATION')),
    number           varchar(100)  not null unique,
    year             integer       not null,
    sequence         integer       not null check (sequence > 0),
    finding          text          not null,
    required_action  text          not null,
    reply_days       integer       not null check (reply_days between 1 and 60),
    issued_on        date          not null,
    reply_due        date          not null,
    state            varchar(16)   not null check (state in ('ISSUED', 'REPLIED', 'RETURNED', 'ACCEPTED')),
    issued_by        varchar(100)  not null,
    pdf              bytea         not null,
    pages            integer       not null check (pages > 0),
    decision_kind    varchar(24)   check (decision_kind in ('ORDER_CORRECTION', 'REVOKE_SUGGESTION', 'CHANGE_SUGGESTION')),
    decision_text    text,
    decision_outcome text,
    version          bigint        not null default 0,
    constraint sv_document_number_seq unique (issuer_body_id, year, sequence),
    constraint sv_document_decision check ((decision_kind is null) = (decision_text is null))
);
create index sv_document_body_state on sv_document (body_id, state);
create index sv_document_issuer_state on sv_document (issuer_body_id, state);

-- the alerts a document acts on
create table sv_document_alert (
    document_id bigint not null references sv_document (id),
    alert_id    bigint not null references sv_alert (id),
    primary key (document_id, alert_id)
);
create index sv_document_alert_alert on sv_document_alert (alert_id);

-- the body's replies (说明/整改报告) and the supervisor's answer to each (采纳 or 退回 with the reason)
create table sv_document_reply (
    id             bigserial     primary key,
    document_id    bigint        not null references sv_document (id),
    kind           varchar(16)   not null check (kind in ('EXPLAINED', 'RECTIFIED')),
    explanation    text          not null,
    replied_by     varchar(100)  not null,
    replied_at     timestamptz   not null,
    file_name      varchar(200),
    content_type   varchar(100),
    file_bytes     bytea,
    outcome        varchar(16)   check (outcome in ('ACCEPTED', 'RETURNED')),
    outcome_reason text,
    outcome_by     varchar(100),
    outcome_at     timestamptz,
    constraint sv_document_reply_file check ((file_name is null) = (file_bytes is null))
);
create index sv_document_reply_document on sv_document_reply (document_id, id);

-- gapless numbers of supervision documents per issuing body and year (a supervision document is not a case)
create table sv_document_sequence (
    body_id    bigint  not null references org_body (id),
    year       integer not null,
    last_value integer not null check (last_value >= 0),
    primary key (body_id, year)
);

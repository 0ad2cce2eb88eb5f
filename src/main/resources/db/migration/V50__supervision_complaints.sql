-- 投诉举报 about enforcement, with the 12345 hotline's work orders (plan task 14): one row per complaint, the cases it
-- is about, and the outbox of replies that go back to the 12345 system (polled, or pushed with retries and a dead-letter
-- state). The complainant's phone and ID number are SM4-encrypted; only a masked phone and a keyed fingerprint are plain.
create table sv_complaint (
    id                    bigserial primary key,
    receipt_no            varchar(30)   not null unique,
    channel               varchar(20)   not null check (channel in ('FORM', 'PUBLIC', 'HOTLINE')),
    category              varchar(20)   not null check (category in ('COMPLAINT', 'REPORT')),
    enterprise_related    boolean       not null default false,
    hotline_order_no      varchar(60)   unique,
    supervising_body_id   bigint        not null references org_body (id),
    subject_body_id       bigint        references org_body (id),
    matter_id             bigint        references enforcement_matter (id),
    complainant_name      varchar(100)  not null,
    phone_cipher          text          not null,
    phone_key             varchar(100)  not null,
    phone_masked          varchar(30)   not null,
    id_number_cipher      text,
    title                 varchar(200)  not null,
    content               text          not null check (length(content) <= 5000),
    received_on           date          not null,
    status                varchar(20)   not null check (status in ('RECEIVED', 'ASSIGNED', 'REPLIED', 'CLOSED')),
    assigned_body_id      bigint        references org_body (id),
    reply_due             date,
    reply_due_provisional boolean       not null default false,
    reply                 text          check (length(reply) <= 5000),
    replied_at            timestamptz,
    satisfaction          varchar(20)   check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    reopen_count          integer       not null default 0 check (reopen_count >= 0),
    demo                  boolean       not null default false,
    version               integer       not null default 0,
    created_at            timestamptz   not null default now(),
    check (status = 'RECEIVED' or assigned_body_id is not null),
    check (status not in ('REPLIED', 'CLOSED') or reply is not null)
);
create index sv_complaint_status on sv_complaint (supervising_body_id, status);
create index sv_complaint_assigned on sv_complaint (assigned_body_id, status);
create index sv_complaint_phone on sv_complaint (phone_key);

create table sv_complaint_case (
    complaint_id bigint not null references sv_complaint (id),
    case_id      bigint not null references enforcement_case (id),
    primary key (complaint_id, case_id)
);
create index sv_complaint_case_case on sv_complaint_case (case_id);

-- The replies owed to the 12345 system, in the order they were made (id is the polling cursor).
create table sv_hotline_reply (
    id              bigserial primary key,
    complaint_id    bigint        not null references sv_complaint (id),
    order_no        varchar(60)   not null,
    payload         text          not null,
    state           varchar(20)   not null default 'PENDING' check (state in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer       not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz   not null,
    last_error      varchar(500),
    delivered_at    timestamptz,
    created_at      timestamptz   not null
);
create index sv_hotline_reply_due on sv_hotline_reply (next_attempt_at) where state = 'PENDING';
create index sv_hotline_reply_dead on sv_hotline_reply (id) where state = 'DEAD';

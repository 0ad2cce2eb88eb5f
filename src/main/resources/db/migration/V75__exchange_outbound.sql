-- 向省级/国家系统推送（第15项第3部分）: the outbox, written in the transaction of the change it announces, and the
-- code tables that map this platform's codes to the receiving system's.

-- One row per element and delivery: while an element waits (PENDING) further changes only raise its version, so the
-- queue holds at most one waiting row per element; the data is read when it is sent, and the receiver dedupes on
-- "class:key:version" (the Idempotency-Key header).
create table ex_outbound (
    id               bigserial primary key,
    element_class    text        not null check (element_class in ('ORGANIZATION', 'PERSON', 'CERTIFICATE', 'CATALOGUE', 'ACT', 'STATISTICS')),
    element_key      text        not null check (length(element_key) between 1 and 64),
    body_id          bigint,
    version          integer     not null default 1,
    state            text        not null default 'PENDING' check (state in ('PENDING', 'DELIVERED', 'REJECTED', 'FAILED', 'SUPERSEDED')),
    attempts         integer     not null default 0,
    first_change     text        not null,
    last_change      text        not null,
    changed_at       timestamptz not null,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    last_error       text,
    sent_digest      char(64),
    finished_at      timestamptz,
    created_at       timestamptz not null
);
create unique index ex_outbound_waiting on ex_outbound (element_class, element_key) where state = 'PENDING';
create index ex_outbound_due on ex_outbound (next_attempt_at, id) where state = 'PENDING';
create index ex_outbound_dead on ex_outbound (id) where state in ('REJECTED', 'FAILED');
create index ex_outbound_element on ex_outbound (element_class, element_key, id);
create index ex_outbound_recent on ex_outbound (id desc);

create table ex_code_map (
    code_class   text        not null check (length(code_class) between 1 and 32),
    local_code   text        not null check (length(local_code) between 1 and 64),
    remote_code  text        not null check (length(remote_code) between 1 and 64),
    note         text        check (length(note) <= 200),
    updated_by   text        not null,
    updated_at   timestamptz not null,
    primary key (code_class, local_code)
);

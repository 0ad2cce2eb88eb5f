-- 全过程记录: append-only, one SM3 hash chain per subject.
create table record_chain (
    subject_type varchar(64) not null,
    subject_id   varchar(64) not null,
    last_seq     bigint      not null check (last_seq >= 0),
    last_hash    char(64)    not null,
    updated_at   timestamptz not null,
    primary key (subject_type, subject_id)
);

create table record_entry (
    id            bigserial    primary key,
    subject_type  varchar(64)  not null,
    subject_id    varchar(64)  not null,
    seq           bigint       not null check (seq >= 1),
    occurred_at   timestamptz  not null,
    actor_kind    varchar(16)  not null check (actor_kind in ('USER', 'TOKEN', 'SYSTEM')),
    actor_id      bigint,
    actor_name    varchar(200) not null,
    actor_body_id bigint,
    owner_body_id bigint,
    action        varchar(64)  not null,
    summary       varchar(500) not null,
    payload       text         not null,
    prev_hash     char(64)     not null,
    hash          char(64)     not null,
    unique (subject_type, subject_id, seq)
);
create index record_entry_occurred_at on record_entry (occurred_at);
create index record_entry_owner on record_entry (owner_body_id, id);

create table record_anchor (
    day        date        primary key,
    root       char(64)    not null,
    chains     integer     not null check (chains > 0),
    created_at timestamptz not null
);

create function record_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '全过程记录只可追加，不得修改或删除 (%)', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;

create trigger record_entry_append_only before update or delete on record_entry
    for each row execute function record_refuse_change();
create trigger record_entry_no_truncate before truncate on record_entry
    for each statement execute function record_refuse_change();
create trigger record_anchor_append_only before update or delete on record_anchor
    for each row execute function record_refuse_change();
create trigger record_anchor_no_truncate before truncate on record_anchor
    for each statement execute function record_refuse_change();

-- ShedLock: one scheduler run across several application instances.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);

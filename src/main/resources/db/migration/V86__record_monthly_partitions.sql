-- The record over ten years: record_entry is partitioned by the month of occurred_at (Asia/Shanghai), so a province's
-- hundred million entries sit in monthly tables that are written, indexed, anchored and vacuumed one month at a time,
-- and an old month can be moved out of the live table to cold storage and still be verified.
--
-- What partitioning changes: the key includes occurred_at, so the database no longer enforces one entry per
-- (subject, seq) across months. The append protocol still does (one writer holds the chain head row), and
-- verify-records reports a duplicate or missing seq as a broken chain.

alter sequence record_entry_id_seq owned by none;
alter table record_entry rename to record_entry_v1;
alter index record_entry_occurred_at rename to record_entry_v1_occurred_at;
alter index record_entry_owner rename to record_entry_v1_owner;
alter table record_entry_v1 rename constraint record_entry_pkey to record_entry_v1_pkey;
alter table record_entry_v1 rename constraint record_entry_subject_type_subject_id_seq_key to record_entry_v1_subject_key;

create table record_entry (
    id            bigint       not null default nextval('record_entry_id_seq'),
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
    mac           char(64),
    primary key (id, occurred_at)
) partition by range (occurred_at);
alter sequence record_entry_id_seq owned by record_entry.id;

-- per partition: a chain in seq order (timelines, verification), the period (anchoring), a body's entries (lists)
create index record_entry_chain on record_entry (subject_type, subject_id, seq);
create index record_entry_occurred_at on record_entry (occurred_at);
create index record_entry_owner on record_entry (owner_body_id, id);

-- rows outside every monthly partition (a clock far off, a month not yet created) are kept here, never refused
create table record_entry_default partition of record_entry default;

create trigger record_entry_append_only before update or delete on record_entry
    for each row execute function record_refuse_change();
create trigger record_entry_no_truncate before truncate on record_entry
    for each statement execute function record_refuse_change();
create trigger record_entry_default_no_truncate before truncate on record_entry_default
    for each statement execute function record_refuse_change();

-- The monthly partition holding month_start (its first day); created if missing, refused truncation like the table.
-- A month whose rows already went to the default partition stays there (moving them would be an UPDATE of the
-- record); its name is returned with a note.
create function record_ensure_month(month_start date) returns text language plpgsql as $$
declare
    first_day date := date_trunc('month', month_start)::date;
    part text := 'record_entry_y' || to_char(first_day, 'YYYY') || 'm' || to_char(first_day, 'MM');
    low timestamptz := (first_day::timestamp at time zone 'Asia/Shanghai');
    high timestamptz := ((first_day + interval '1 month')::timestamp at time zone 'Asia/Shanghai');
begin
    if to_regclass(part) is not null then
        return part;
    end if;
    if exists (select 1 from record_entry_default where occurred_at >= low and occurred_at < high) then
        return 'record_entry_default (' || part || ' 的记录已在默认分区)';
    end if;
    execute format('create table %I partition of record_entry for values from (%L) to (%L)', part, low, high);
    execute format('create trigger %I before truncate on %I for each statement execute function record_refuse_change()',
                   part || '_no_truncate', part);
    return part;
end;
$$;

-- the months of the existing entries, and a year ahead (the platform adds the following months as time goes on)
do $$
declare
    m date;
    last_month date := date_trunc('month', now() at time zone 'Asia/Shanghai')::date + interval '12 months';
begin
    m := coalesce((select date_trunc('month', min(occurred_at) at time zone 'Asia/Shanghai')::date from record_entry_v1),
                  date_trunc('month', now() at time zone 'Asia/Shanghai')::date);
    while m <= last_month loop
        perform record_ensure_month(m);
        m := m + interval '1 month';
    end loop;
end;
$$;

insert into record_entry select id, subject_type, subject_id, seq, occurred_at, actor_kind, actor_id, actor_name, actor_body_id,
    owner_body_id, action, summary, payload, prev_hash, hash, mac from record_entry_v1 order by occurred_at, id;
drop table record_entry_v1;

-- Cold storage: a month moved out of the live table keeps its rows, its indexes and its refusal of change in the schema
-- record_archive (where it can be dumped and dropped, or kept on a cheap tablespace). Verification and the anchors
-- read record_entry_all, which this function redefines over the live table and every archived month.
create schema if not exists record_archive;

create view record_entry_all as select * from record_entry;

create function record_archive_month(month_start date) returns text language plpgsql as $$
declare
    first_day date := date_trunc('month', month_start)::date;
    part text := 'record_entry_y' || to_char(first_day, 'YYYY') || 'm' || to_char(first_day, 'MM');
    parts text;
begin
    if to_regclass(part) is null then
        raise exception '没有 % 的记录分区', to_char(first_day, 'YYYY-MM');
    end if;
    if first_day >= date_trunc('month', now() at time zone 'Asia/Shanghai')::date then
        raise exception '本月及以后的记录分区不能归档';
    end if;
    execute format('alter table record_entry detach partition %I', part);
    execute format('alter table %I set schema record_archive', part);
    execute format('create trigger %I before update or delete on record_archive.%I for each row execute function record_refuse_change()',
                   part || '_append_only', part);
    select string_agg(format(' union all select * from record_archive.%I', c.relname), '' order by c.relname) into parts
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'record_archive' and c.relkind = 'r' and c.relname like 'record_entry_y%';
    execute 'create or replace view record_entry_all as select * from record_entry' || coalesce(parts, '');
    return 'record_archive.' || part;
end;
$$;

-- Each run of verify-records: full or incremental, up to which signed anchor, what it found. The next incremental run
-- starts after the last intact one.
create table record_verification (
    id            bigserial   primary key,
    mode          varchar(16) not null check (mode in ('FULL', 'INCREMENTAL')),
    since         timestamptz,
    anchor_seq    bigint      not null check (anchor_seq >= 0),
    anchor_end    timestamptz,
    chains        bigint      not null check (chains >= 0),
    entries       bigint      not null check (entries >= 0),
    intact        boolean     not null,
    problems      text        not null,
    threads       integer     not null check (threads >= 1),
    started_at    timestamptz not null,
    finished_at   timestamptz not null,
    check (started_at <= finished_at)
);
create trigger record_verification_append_only before update or delete on record_verification
    for each row execute function record_refuse_change();

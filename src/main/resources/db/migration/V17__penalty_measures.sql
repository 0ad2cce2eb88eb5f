-- 先行登记保存 (行政处罚法第五十六条) and 查封、扣押 (行政强制法第十八、二十五条) on a case; a case may have several, so a
-- timer can now belong to one of them (ref = the measure).
create table penalty_measure (
    id            bigserial     primary key,
    case_id       bigint        not null references penalty_case (id),
    kind          varchar(16)   not null check (kind in ('PRESERVATION', 'SEAL', 'DETAIN')),
    items         text          not null,
    approved_by   varchar(200)  not null,
    applied_on    date          not null,
    av_recorded   boolean       not null,
    extended      boolean       not null default false,
    closed_on     date,
    outcome       varchar(500),
    created_by    varchar(200)  not null,
    created_at    timestamptz   not null
);

alter table penalty_case_timer add column ref bigint;
alter table penalty_case_timer drop constraint penalty_case_timer_case_id_kind_key;
create unique index penalty_case_timer_kind on penalty_case_timer (case_id, kind, coalesce(ref, 0));

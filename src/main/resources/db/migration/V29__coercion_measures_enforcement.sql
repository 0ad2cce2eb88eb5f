-- 行政强制 as a module of its own: 查封、扣押 (行政强制法第二十二至二十八条) attach to any case, and 行政强制执行 (催告、
-- 申请人民法院强制执行, 第三十五至三十九条、第五十三至五十八条) is its own procedure. Rows move with their ids.
create table coercion_measure (
    id            bigint        primary key default nextval('case_attachment_id_seq'),
    case_id       bigint        not null references enforcement_case (id),
    kind          varchar(16)   not null check (kind in ('SEAL', 'DETAIN')),
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
insert into coercion_measure (id, case_id, kind, items, approved_by, applied_on, av_recorded, extended, closed_on, outcome, created_by, created_at)
select id, case_id, kind, items, approved_by, applied_on, av_recorded, extended, closed_on, outcome, created_by, created_at
from penalty_measure where kind in ('SEAL', 'DETAIN');
create index coercion_measure_case on coercion_measure (case_id);
drop table penalty_measure;

alter table penalty_enforcement rename to coercion_enforcement;

-- Enforcement of a decision not complied with (行政强制法第三十五、五十三、五十四条), execution records of non-monetary
-- penalties, closure (结案) with its report and archiving (归档: the case becomes read-only).
create table penalty_enforcement (
    case_id        bigint        primary key references penalty_case (id),
    urge_served_on date          not null,
    urge_proof     varchar(300)  not null,
    applied_on     date,
    court          varchar(200),
    result         varchar(500),
    result_on      date
);

create table penalty_execution_note (
    id         bigserial     primary key,
    case_id    bigint        not null references penalty_case (id),
    content    varchar(500)  not null,
    from_date  date          not null,
    to_date    date,
    recorded_by varchar(200) not null,
    recorded_at timestamptz  not null,
    check (to_date is null or to_date >= from_date)
);

alter table penalty_case add column closed_on date;
alter table penalty_case add column closure_report text;
alter table penalty_case add column archived_on date;

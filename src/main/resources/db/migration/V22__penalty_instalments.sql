-- 分期缴纳 approved under 行政处罚法第六十六条: the fine split into parts with their own due days.
create table penalty_instalment (
    case_id     bigint        not null references penalty_case (id),
    seq         integer       not null,
    due_date    date          not null,
    amount      bigint        not null check (amount > 0),
    approved_by varchar(200)  not null,
    reason      varchar(500)  not null,
    primary key (case_id, seq)
);

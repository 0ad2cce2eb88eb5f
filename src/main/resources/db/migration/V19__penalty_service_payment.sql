-- After the decision: its service (行政处罚法第六十一条), payment of the fine and the late fee (第六十六、六十七、七十二条),
-- deferral with approval, and 复议/诉讼 periods (第七十三条: no late fee accrues meanwhile).
create table penalty_service (
    case_id         bigint        primary key references penalty_case (id),
    method          varchar(16)   not null check (method in ('DIRECT', 'LEAVE', 'MAIL', 'ENTRUST', 'FORWARD', 'ANNOUNCE', 'ELECTRONIC')),
    served_on       date          not null,
    recipient       varchar(200)  not null,
    proof           varchar(500)  not null,
    witnesses       varchar(300),
    tracking_no     varchar(100),
    consent_ref     varchar(200),
    announce_from   date,
    announce_days   integer,
    recorded_by     varchar(200)  not null,
    recorded_at     timestamptz   not null
);

create table penalty_payment (
    id          bigserial     primary key,
    case_id     bigint        not null references penalty_case (id),
    paid_on     date          not null,
    amount      bigint        not null check (amount > 0),
    receipt_no  varchar(100)  not null,
    recorded_by varchar(200)  not null,
    recorded_at timestamptz   not null
);

create table penalty_deferral (
    case_id     bigint        primary key references penalty_case (id),
    new_due     date          not null,
    reason      varchar(500)  not null,
    approved_by varchar(200)  not null,
    approved_on date          not null
);

create table penalty_remedy (
    id          bigserial     primary key,
    case_id     bigint        not null references penalty_case (id),
    kind        varchar(16)   not null check (kind in ('REVIEW', 'LITIGATION')),
    started_on  date          not null,
    ended_on    date,
    outcome     varchar(24)   check (outcome in ('UPHELD', 'CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL')),
    note        varchar(500),
    check (ended_on is null or ended_on >= started_on)
);

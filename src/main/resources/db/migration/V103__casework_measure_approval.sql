-- 先行登记保存 (行政处罚法第五十六条) and 查封、扣押 (行政强制法第十八条第（一）项, 第十九条) are approved by a head of the
-- body: the head's own account, not a name typed by the officer. One row per measure (the measure's id, unique across
-- the kinds): the head named, when he confirmed or refused. A measure recorded by the head himself is approved at once.
create table case_measure_approval (
    measure_id    bigint        primary key,
    case_id       bigint        not null references enforcement_case (id),
    approver_id   bigint        not null,
    approver_name varchar(100)  not null,
    requested_by  varchar(100)  not null,
    requested_at  timestamptz   not null,
    decided_at    timestamptz,
    approved      boolean,
    note          varchar(500),
    check ((decided_at is null) = (approved is null))
);
create index case_measure_approval_pending on case_measure_approval (approver_id) where decided_at is null;
create index case_measure_approval_case on case_measure_approval (case_id);

-- 法制审核目录清单: the matters a body has listed for mandatory legal review (行政处罚法第五十八条第一款第（四）项 and the body's own list).
create table penalty_review_list (
    body_id    bigint        not null references org_body (id),
    matter_id  bigint        not null references enforcement_matter (id),
    note       varchar(300)  not null,
    added_by   varchar(200)  not null,
    added_at   timestamptz   not null,
    primary key (body_id, matter_id)
);

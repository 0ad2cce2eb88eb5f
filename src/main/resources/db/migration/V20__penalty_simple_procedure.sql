-- 简易程序（当场处罚, 行政处罚法第五十一至五十二条、第六十八至七十一条）: a simple-procedure penalty is a case decided on the
-- spot; its decision form comes from a pre-printed numbered range (号段) allocated to the body or an officer, each number
-- used once or voided with a reason.
alter table penalty_case add column procedure varchar(8) not null default 'GENERAL' check (procedure in ('GENERAL', 'SIMPLE'));
alter table penalty_case add column collected_on_spot boolean not null default false;
alter table penalty_case add column handed_in_on date;
alter table penalty_case add column reported_on date;

create table onspot_form_range (
    id           bigserial     primary key,
    body_id      bigint        not null references org_body (id),
    officer_id   bigint        references officer (id),
    prefix       varchar(40)   not null,
    first_no     integer       not null check (first_no > 0),
    last_no      integer       not null,
    allocated_by varchar(200)  not null,
    allocated_at timestamptz   not null,
    check (last_no >= first_no)
);

create table onspot_form_number (
    range_id  bigint        not null references onspot_form_range (id),
    number    integer       not null,
    status    varchar(8)    not null check (status in ('USED', 'VOIDED')),
    case_id   bigint        references penalty_case (id),
    reason    varchar(300),
    at        timestamptz   not null,
    primary key (range_id, number)
);

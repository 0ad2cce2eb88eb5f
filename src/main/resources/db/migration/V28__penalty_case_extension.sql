-- 行政处罚 as one kind of case: what only a penalty case has moves from the kernel's enforcement_case into penalty_case,
-- one row per case (same id), rows copied as they are.
create table penalty_case (
    case_id               bigint        primary key references enforcement_case (id),
    procedure             varchar(16)   not null,
    serious_harm          boolean       not null default false,
    outcome               varchar(24),
    outcome_reason        text,
    education_record      text,
    handed_over_to        bigint        references org_body (id),
    decision_outcome      varchar(24),
    decided_on            date,
    decision_number       varchar(100),
    decision_types        varchar(300),
    decision_fine         bigint,
    decision_confiscation bigint,
    decision_text         text,
    collected_on_spot     boolean       not null default false,
    handed_in_on          date,
    reported_on           date,
    closure_report        text,
    paid_total            bigint        not null default 0 check (paid_total >= 0)
);
insert into penalty_case (case_id, procedure, serious_harm, outcome, outcome_reason, education_record, handed_over_to, decision_outcome,
  decided_on, decision_number, decision_types, decision_fine, decision_confiscation, decision_text, collected_on_spot, handed_in_on,
  reported_on, closure_report, paid_total)
select id, procedure, serious_harm, outcome, outcome_reason, education_record, handed_over_to, decision_outcome, decided_on,
  decision_number, decision_types, decision_fine, decision_confiscation, decision_text, collected_on_spot, handed_in_on, reported_on,
  closure_report, paid_total
from enforcement_case;

drop index penalty_case_unpaid;
alter table enforcement_case drop column procedure, drop column serious_harm, drop column outcome, drop column outcome_reason,
  drop column education_record, drop column handed_over_to, drop column decision_outcome, drop column decided_on,
  drop column decision_number, drop column decision_types, drop column decision_fine, drop column decision_confiscation,
  drop column decision_text, drop column collected_on_spot, drop column handed_in_on, drop column reported_on,
  drop column closure_report, drop column paid_total;

create index penalty_case_unpaid on penalty_case (case_id desc) where decision_outcome = 'PENALTY' and decision_fine > paid_total;
create index penalty_case_decision on penalty_case (decision_outcome, decided_on);

create or replace function penalty_payment_add_to_case() returns trigger language plpgsql as $$
begin
    update penalty_case set paid_total = paid_total + new.amount where case_id = new.case_id;
    return new;
end;
$$;

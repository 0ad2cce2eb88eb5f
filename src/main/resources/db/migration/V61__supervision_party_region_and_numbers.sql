-- The party's region, derived more carefully: a 统一社会信用代码 tells the registering authority's region whatever the
-- party kind the source gave (a 个体工商户 may be reported as a natural person); a natural person's only in the masked
-- form of the platform (first four and last four characters of the 身份证号).
alter table sv_act drop column party_region;
alter table sv_act add column party_region varchar(6) generated always as (
    case
        when party_masked ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' then substr(party_masked, 3, 6)
        when party_kind = 'NATURAL_PERSON' and party_masked ~ '^[1-9][0-9]{3}\*{10}[0-9]{3}[0-9X]$' then substr(party_masked, 1, 4)
    end) stored;

-- Complaints name acts by their case or decision number.
create index sv_act_case_number on sv_act (case_number);
create index sv_act_decision_number on sv_act (decision_number);

-- 确认无效 is a correction too (行政诉讼法第七十五条、行政复议法第六十七条); a challenge withdrawn or terminated has ended
-- without one.
drop materialized view sv_act_month;
create materialized view sv_act_month as
select a.body_id,
       date_trunc('month', coalesce(a.decided_on, a.filed_on, a.received_on, a.act_date))::date as month,
       a.stage,
       count(*)                                                                                   as acts,
       count(a.decided_on)                                                                        as decided,
       count(*) filter (where a.decision_outcome = 'PENALTY')                                     as penalties,
       coalesce(sum(a.fine) filter (where a.decision_outcome = 'PENALTY'), 0)                     as fines,
       coalesce(sum(coalesce(a.gains, 0) + coalesce(a.property_value, 0))
                filter (where a.decision_outcome = 'PENALTY'), 0)                                 as confiscations,
       coalesce(sum(a.decided_on - a.filed_on) filter (where a.decided_on is not null and a.filed_on is not null), 0) as days_sum,
       count(*) filter (where a.decided_on is not null and a.filed_on is not null)                as days_n,
       max(a.decided_on - a.filed_on) filter (where a.decided_on is not null and a.filed_on is not null) as longest,
       count(*) filter (where a.decided_on is not null and a.filed_on is not null
                          and a.decided_on > coalesce((a.details -> 'dues' ->> 'decision')::date, a.filed_on + 90)) as decided_late,
       count(*) filter (where a.details @? '$.remedies[*]')                                       as challenged,
       count(*) filter (where a.details @? '$.remedies[*] ? (@.outcome != null)')                 as concluded,
       count(*) filter (where a.details @? '$.remedies[*] ? (@.outcome == "CHANGED" || @.outcome == "REVOKED" || @.outcome == "CONFIRMED_ILLEGAL" || @.outcome == "CONFIRMED_INVALID")') as corrected
from sv_act a
group by 1, 2, 3
with data;
create unique index sv_act_month_key on sv_act_month (body_id, month, stage);

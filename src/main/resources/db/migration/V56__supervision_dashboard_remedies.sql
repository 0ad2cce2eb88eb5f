-- The dashboard counts the decisions challenged by 行政复议 or 行政诉讼 (details -> remedies), those whose challenge has
-- ended, and those corrected (变更, 撤销, 确认违法) — the corrected rate of the supervision dashboard.
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
       count(*) filter (where a.details @? '$.remedies[*] ? (@.outcome == "CHANGED" || @.outcome == "REVOKED" || @.outcome == "CONFIRMED_ILLEGAL")') as corrected
from sv_act a
group by 1, 2, 3
with data;
create unique index sv_act_month_key on sv_act_month (body_id, month, stage);

-- The dashboard's 超期未作决定 (filed, undecided, past the day a decision was due) was counted live over the ledger: at
-- ten million acts an index range of hundreds of thousands of entries on every dashboard view, 64–228 ms. Now it is
-- counted from a tally of the undecided acts by body, month filed and due day (a few hundred rows per body), refreshed
-- with the dashboard's other summaries; "past due" is still decided by today's date when the page is read.
create materialized view sv_act_undecided_due as
select a.body_id,
       date_trunc('month', a.filed_on)::date        as month,
       coalesce(a.decision_due, date 'infinity')    as decision_due,
       count(*)                                     as acts
from sv_act a
where a.decided_on is null and a.filed_on is not null
group by 1, 2, 3
with data;
create unique index sv_act_undecided_due_key on sv_act_undecided_due (body_id, month, decision_due);

-- The dashboard's and the county summary's pre-aggregated figures were materialized views, refreshed whole: 65–73 s at
-- ten million acts, growing with the ledger. Each is grouped by body first, so a change of the ledger only touches its
-- body's rows: they become tables kept by body. Every change of an act notes its body (and its former body, should the
-- report move it) in sv_summary_dirty, in the same statement as the change; the refresh recomputes only the bodies noted
-- since, from views holding the same definitions as before (sv_*_source), in one repeatable-read transaction, and then
-- clears the notes it saw. A full recompute remains for data written around the ledger (tests, benchmarks).

create view sv_act_month_source as
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
group by 1, 2, 3;

create view sv_act_undecided_due_source as
select a.body_id,
       date_trunc('month', a.filed_on)::date        as month,
       coalesce(a.decision_due, date 'infinity')    as decision_due,
       count(*)                                     as acts
from sv_act a
where a.decided_on is null and a.filed_on is not null
group by 1, 2, 3;

create view sv_act_year_tally_source as
select body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures, count(*) as acts, sum(money) as money
from sv_act_year
group by body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures;

-- the materialized views become tables holding the same rows (copied, not recomputed)
alter materialized view sv_act_month rename to sv_act_month_before;
create table sv_act_month as select * from sv_act_month_before;
drop materialized view sv_act_month_before;
create unique index sv_act_month_key on sv_act_month (body_id, month, stage);

alter materialized view sv_act_undecided_due rename to sv_act_undecided_due_before;
create table sv_act_undecided_due as select * from sv_act_undecided_due_before;
drop materialized view sv_act_undecided_due_before;
create unique index sv_act_undecided_due_key on sv_act_undecided_due (body_id, month, decision_due);

alter materialized view sv_act_year_tally rename to sv_act_year_tally_before;
create table sv_act_year_tally as select * from sv_act_year_tally_before;
drop materialized view sv_act_year_tally_before;
create index sv_act_year_tally_body on sv_act_year_tally (body_id, year);

-- the bodies whose figures are to be recomputed; only inserted by changes, deleted by the refresh that recomputed them
create table sv_summary_dirty (
  id      bigint generated always as identity primary key,
  body_id bigint not null
);

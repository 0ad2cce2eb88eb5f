-- The monthly summary followed a change by recomputing the (body, month) it touched from all of that month's acts (V98):
-- every new clue, every step of an undecided case recomputed its whole month, so the cost of keeping the dashboard current
-- grew with the size of a body's month (at ~200,000 acts in one month, one recompute took a second; half of PostgreSQL's
-- extra time per call in the write benchmark). Its figures are counts and sums but one, the longest handling time (a
-- maximum): now the statement that writes the ledger writes the difference each act makes to its month's group (-1 as it
-- was, +1 as it is), as for the yearly and the undecided tallies, and the refresh adds them up; the maximum only grows by
-- a difference, so a month is still recomputed whole when a decided act in it changes or goes (the only way its longest
-- time can shrink) and for acts without any date (their null month is recomputed with the body, as before).

-- the differences statements made to the monthly summary, not yet added up (insert only; taken by the refresh); longest
-- is the greatest handling time among the acts added (null for an act taken away)
create table sv_act_month_delta (
  id            bigint generated always as identity primary key,
  body_id       bigint      not null,
  month         date        not null,
  stage         varchar(24) not null,
  acts          bigint      not null,
  decided       bigint      not null,
  penalties     bigint      not null,
  fines         numeric     not null,
  confiscations numeric     not null,
  days_sum      bigint      not null,
  days_n        bigint      not null,
  longest       integer,
  decided_late  bigint      not null,
  challenged    bigint      not null,
  concluded     bigint      not null,
  corrected     bigint      not null
);

-- groups whose acts all went (the refresh removes them)
create index sv_act_month_empty on sv_act_month (body_id) where acts = 0;

-- what one act adds to (s = 1) or takes from (s = -1) its month's group, as V95's view sv_act_month_source and V98's
-- sv_act_month_rows count it (DashboardIntegrationTest checks that the differences add up to a recompute)
create function sv_act_month_delta_of(a sv_act, s integer) returns table (body_id bigint, month date, stage varchar, acts bigint, decided bigint,
    penalties bigint, fines numeric, confiscations numeric, days_sum bigint, days_n bigint, longest integer, decided_late bigint, challenged bigint,
    concluded bigint, corrected bigint)
language sql stable as $$
select a.body_id,
       sv_act_month_of(a),
       a.stage,
       s::bigint,
       case when a.decided_on is not null then s else 0 end::bigint,
       case when a.decision_outcome = 'PENALTY' then s else 0 end::bigint,
       case when a.decision_outcome = 'PENALTY' then s * coalesce(a.fine, 0) else 0 end::numeric,
       case when a.decision_outcome = 'PENALTY' then s * (coalesce(a.gains, 0) + coalesce(a.property_value, 0)) else 0 end::numeric,
       case when a.decided_on is not null and a.filed_on is not null then s * (a.decided_on - a.filed_on) else 0 end::bigint,
       case when a.decided_on is not null and a.filed_on is not null then s else 0 end::bigint,
       case when s > 0 and a.decided_on is not null and a.filed_on is not null then a.decided_on - a.filed_on end,
       case when a.decided_on is not null and a.filed_on is not null
                 and a.decided_on > coalesce((a.details -> 'dues' ->> 'decision')::date, a.filed_on + 90) then s else 0 end::bigint,
       case when coalesce(a.details @? '$.remedies[*]', false) then s else 0 end::bigint,
       case when coalesce(a.details @? '$.remedies[*] ? (@.outcome != null)', false) then s else 0 end::bigint,
       case when coalesce(a.details @? '$.remedies[*] ? (@.outcome == "CHANGED" || @.outcome == "REVOKED" || @.outcome == "CONFIRMED_ILLEGAL" || @.outcome == "CONFIRMED_INVALID")', false)
            then s else 0 end::bigint
$$;

create or replace function sv_act_note_bodies() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    -- acts without any date: their null month is recomputed with the body
    insert into sv_summary_dirty (body_id, month) select distinct n.body_id, null::date from new_rows n where sv_act_month_of(n) is null;
    insert into sv_act_month_delta (body_id, month, stage, acts, decided, penalties, fines, confiscations, days_sum, days_n, longest, decided_late,
      challenged, concluded, corrected)
    select d.body_id, d.month, d.stage, sum(d.acts), sum(d.decided), sum(d.penalties), sum(d.fines), sum(d.confiscations), sum(d.days_sum), sum(d.days_n),
      max(d.longest), sum(d.decided_late), sum(d.challenged), sum(d.concluded), sum(d.corrected)
    from new_rows n cross join lateral sv_act_month_delta_of(n, 1) d
    where d.month is not null
    group by 1, 2, 3;
    insert into sv_act_year_delta (body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures, acts, money)
    select y.body_id, y.year, y.kind, y.decision_outcome, y.decided_year, y.penalty_types, y.checked_year, y.measures, count(*), sum(y.money)
    from new_rows n cross join lateral sv_act_year_of(n) y
    group by 1, 2, 3, 4, 5, 6, 7, 8;
    insert into sv_act_undecided_delta (body_id, month, decision_due, acts)
    select u.body_id, u.month, u.decision_due, count(*) from new_rows n cross join lateral sv_act_undecided_of(n) u group by 1, 2, 3;
  elsif tg_op = 'UPDATE' then
    -- a decided act changed (its month's longest time may shrink) or an act without any date: recomputed
    insert into sv_summary_dirty (body_id, month)
    select o.body_id, sv_act_month_of(o) from old_rows o where sv_act_month_of(o) is null or (o.decided_on is not null and o.filed_on is not null)
    union select n.body_id, null::date from new_rows n where sv_act_month_of(n) is null;
    insert into sv_act_month_delta (body_id, month, stage, acts, decided, penalties, fines, confiscations, days_sum, days_n, longest, decided_late,
      challenged, concluded, corrected)
    select d.body_id, d.month, d.stage, sum(d.acts), sum(d.decided), sum(d.penalties), sum(d.fines), sum(d.confiscations), sum(d.days_sum), sum(d.days_n),
      max(d.longest), sum(d.decided_late), sum(d.challenged), sum(d.concluded), sum(d.corrected)
    from (select -1 as s, o::sv_act as r from old_rows o union all select 1, n::sv_act from new_rows n) c cross join lateral sv_act_month_delta_of(c.r, c.s) d
    where d.month is not null
    group by 1, 2, 3
    having sum(d.acts) <> 0 or sum(d.decided) <> 0 or sum(d.penalties) <> 0 or sum(d.fines) <> 0 or sum(d.confiscations) <> 0 or sum(d.days_sum) <> 0
      or sum(d.days_n) <> 0 or max(d.longest) is not null or sum(d.decided_late) <> 0 or sum(d.challenged) <> 0 or sum(d.concluded) <> 0
      or sum(d.corrected) <> 0;
    insert into sv_act_year_delta (body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures, acts, money)
    select y.body_id, y.year, y.kind, y.decision_outcome, y.decided_year, y.penalty_types, y.checked_year, y.measures, sum(c.s), sum(c.s * y.money)
    from (select -1 as s, o::sv_act as r from old_rows o union all select 1, n::sv_act from new_rows n) c cross join lateral sv_act_year_of(c.r) y
    group by 1, 2, 3, 4, 5, 6, 7, 8
    having sum(c.s) <> 0 or sum(c.s * y.money) <> 0;
    insert into sv_act_undecided_delta (body_id, month, decision_due, acts)
    select u.body_id, u.month, u.decision_due, sum(c.s)
    from (select -1 as s, o::sv_act as r from old_rows o union all select 1, n::sv_act from new_rows n) c cross join lateral sv_act_undecided_of(c.r) u
    group by 1, 2, 3
    having sum(c.s) <> 0;
  else
    insert into sv_summary_dirty (body_id, month)
    select distinct o.body_id, sv_act_month_of(o) from old_rows o where sv_act_month_of(o) is null or (o.decided_on is not null and o.filed_on is not null);
    insert into sv_act_month_delta (body_id, month, stage, acts, decided, penalties, fines, confiscations, days_sum, days_n, longest, decided_late,
      challenged, concluded, corrected)
    select d.body_id, d.month, d.stage, sum(d.acts), sum(d.decided), sum(d.penalties), sum(d.fines), sum(d.confiscations), sum(d.days_sum), sum(d.days_n),
      null, sum(d.decided_late), sum(d.challenged), sum(d.concluded), sum(d.corrected)
    from old_rows o cross join lateral sv_act_month_delta_of(o, -1) d
    where d.month is not null
    group by 1, 2, 3;
    insert into sv_act_year_delta (body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures, acts, money)
    select y.body_id, y.year, y.kind, y.decision_outcome, y.decided_year, y.penalty_types, y.checked_year, y.measures, -count(*), -sum(y.money)
    from old_rows o cross join lateral sv_act_year_of(o) y
    group by 1, 2, 3, 4, 5, 6, 7, 8;
    insert into sv_act_undecided_delta (body_id, month, decision_due, acts)
    select u.body_id, u.month, u.decision_due, -count(*) from old_rows o cross join lateral sv_act_undecided_of(o) u group by 1, 2, 3;
  end if;
  return null;
end $$;

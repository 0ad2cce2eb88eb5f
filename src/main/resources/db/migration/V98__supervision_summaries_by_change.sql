-- The summaries were recomputed body by body (V95, V96): a change of one act recomputed its body's whole history, so the
-- cost of keeping the dashboard current grew with the years a body has been reporting (a county body holds ~100,000
-- acts a year; at a million, one refresh took seconds, and a body reporting all day kept a core busy). Now each summary
-- follows the change itself:
--  * sv_act_month: the database notes the (body, month) of each act a statement writes (before and after), and the
--    refresh recomputes those months only, each from its own acts (the counting-date index of V97);
--  * sv_act_year_tally and sv_act_undecided_due hold only counts and sums: the statement that writes the ledger writes
--    the difference it makes to them (each act's groups, -1 before, +1 after) and the refresh adds the differences up.
-- The source views stay as they were (a full or a whole-body recompute is fastest over all acts at once); what the
-- trigger and the month's recompute need is restated for one act or one month, and tested to agree with them. Notes written
-- before this version stand for a body's whole history and are still honoured that way.

-- refreshers take this lock before their first query: their snapshot is then taken after the previous refresh
-- committed, so the notes and differences they take are exactly those their recompute sees (repeatable read)
create table sv_summary_refresh_lock ();

alter table sv_summary_dirty add column month date;
alter table sv_summary_dirty add column whole boolean not null default true;
alter table sv_summary_dirty alter column whole set default false;

-- the month an act counts in (decision, else filing, else receipt, else the act's own date; null when it has none)
create function sv_act_month_of(a sv_act) returns date language sql stable as $$
  select date_trunc('month', coalesce(a.decided_on, a.filed_on, a.received_on, a.act_date))::date
$$;

-- a body's monthly figures for the acts counting between two days (one month: the counting-date index of V97), as
-- V95's view sv_act_month_source computes them for whole bodies (which stays: it also counts acts without any date, in
-- the null month, and groups every body at once far faster than body by body); DashboardIntegrationTest checks that
-- months recomputed so equal the view's
create function sv_act_month_rows(b bigint, from_day date, to_day date) returns setof sv_act_month language sql stable as $$
select a.body_id,
       sv_act_month_of(a) as month,
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
where a.body_id = b
  and coalesce(a.decided_on, a.filed_on, a.received_on, a.act_date) >= from_day
  and coalesce(a.decided_on, a.filed_on, a.received_on, a.act_date) < to_day
group by 1, 2, 3
$$;

-- the undecided tally's group of an act (none once decided, or before it is filed), as V95's view
-- sv_act_undecided_due_source groups them (for the trigger; tested to agree)
create function sv_act_undecided_of(a sv_act) returns table (body_id bigint, month date, decision_due date) language sql stable as $$
  select a.body_id, date_trunc('month', a.filed_on)::date, coalesce(a.decision_due, date 'infinity')
  where a.decided_on is null and a.filed_on is not null
$$;

-- the yearly tally's groups of an act: one per year it counts in, as V89's view sv_act_year projects it (for the trigger)
create function sv_act_year_of(a sv_act) returns table (body_id bigint, year integer, kind varchar, decision_outcome varchar, decided_year integer,
    penalty_types jsonb, checked_year integer, measures jsonb, money numeric)
language sql stable as $$
select a.body_id,
       y.year,
       a.kind,
       coalesce(a.decision_outcome, ''),
       coalesce(extract(year from a.decided_on)::int, 0),
       coalesce(a.details -> 'penaltyTypes', '[]'::jsonb),
       coalesce(extract(year from (a.details -> 'inspection' ->> 'checkedOn')::date)::int, 0),
       coalesce((select jsonb_agg(jsonb_build_array(m ->> 'kind', coalesce(extract(year from (m ->> 'appliedOn')::date)::int, 0))
                                  order by m ->> 'kind', m ->> 'appliedOn')
                 from jsonb_array_elements(coalesce(a.details -> 'measures', '[]'::jsonb)) m), '[]'::jsonb),
       coalesce(a.fine, 0) + coalesce(a.gains, 0) + coalesce(a.property_value, 0)
from (select distinct v as year
      from unnest(array[extract(year from coalesce(a.decided_on, a.act_date))::int,
                        extract(year from (a.details -> 'inspection' ->> 'checkedOn')::date)::int]
                  || array(select extract(year from (m ->> 'appliedOn')::date)::int
                           from jsonb_array_elements(coalesce(a.details -> 'measures', '[]'::jsonb)) m)) v
      where v is not null) y
$$;

-- the view sv_act_year keeps V89's definition: defined through this function, its full scan took 65 % longer (the one
-- body's yearly statistics read it directly); DashboardIntegrationTest checks the two give the same rows for every act

-- the differences statements made, not yet added up (insert only; taken by the refresh)
create table sv_act_year_delta (
  id               bigint generated always as identity primary key,
  body_id          bigint  not null,
  year             integer,
  kind             varchar(24),
  decision_outcome varchar,
  decided_year     integer,
  penalty_types    jsonb,
  checked_year     integer,
  measures         jsonb,
  acts             bigint  not null,
  money            numeric not null
);

create table sv_act_undecided_delta (
  id           bigint generated always as identity primary key,
  body_id      bigint not null,
  month        date,
  decision_due date,
  acts         bigint not null
);

-- groups whose acts all went (the refresh removes them)
create index sv_act_year_tally_empty on sv_act_year_tally (body_id) where acts = 0;
create index sv_act_undecided_due_empty on sv_act_undecided_due (body_id) where acts = 0;

create or replace function sv_act_note_bodies() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into sv_summary_dirty (body_id, month) select distinct n.body_id, sv_act_month_of(n) from new_rows n;
    insert into sv_act_year_delta (body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures, acts, money)
    select y.body_id, y.year, y.kind, y.decision_outcome, y.decided_year, y.penalty_types, y.checked_year, y.measures, count(*), sum(y.money)
    from new_rows n cross join lateral sv_act_year_of(n) y
    group by 1, 2, 3, 4, 5, 6, 7, 8;
    insert into sv_act_undecided_delta (body_id, month, decision_due, acts)
    select u.body_id, u.month, u.decision_due, count(*) from new_rows n cross join lateral sv_act_undecided_of(n) u group by 1, 2, 3;
  elsif tg_op = 'UPDATE' then
    insert into sv_summary_dirty (body_id, month)
    select o.body_id, sv_act_month_of(o) from old_rows o union select n.body_id, sv_act_month_of(n) from new_rows n;
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
    insert into sv_summary_dirty (body_id, month) select distinct o.body_id, sv_act_month_of(o) from old_rows o;
    insert into sv_act_year_delta (body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures, acts, money)
    select y.body_id, y.year, y.kind, y.decision_outcome, y.decided_year, y.penalty_types, y.checked_year, y.measures, -count(*), -sum(y.money)
    from old_rows o cross join lateral sv_act_year_of(o) y
    group by 1, 2, 3, 4, 5, 6, 7, 8;
    insert into sv_act_undecided_delta (body_id, month, decision_due, acts)
    select u.body_id, u.month, u.decision_due, -count(*) from old_rows o cross join lateral sv_act_undecided_of(o) u group by 1, 2, 3;
  end if;
  return null;
end $$;

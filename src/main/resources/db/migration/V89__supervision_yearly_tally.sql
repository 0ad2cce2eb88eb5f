-- 年度行政执法数据 at province scale: the tables were computed by reading every act of a body in the year into the
-- application, and the county summary did that for each body in turn (minutes at ten million acts). Now each act is
-- projected onto what the tables look at — its kind, outcome, the year it was decided, its penalty types, the year of
-- its inspection, its measures' kinds and years, its money — once for every year it counts in (the year it was decided
-- or done, of its inspection, of a measure), and the application counts groups of equal projections (YearlyTables keeps
-- the rules). One body reads the view live; the summary reads the materialized tally, refreshed with the dashboard.
create view sv_act_year as
select a.body_id,
       y.year,
       a.kind,
       coalesce(a.decision_outcome, '')                                                           as decision_outcome,
       coalesce(extract(year from a.decided_on)::int, 0)                                          as decided_year,
       coalesce(a.details -> 'penaltyTypes', '[]'::jsonb)                                          as penalty_types,
       coalesce(extract(year from (a.details -> 'inspection' ->> 'checkedOn')::date)::int, 0)     as checked_year,
       coalesce((select jsonb_agg(jsonb_build_array(m ->> 'kind', coalesce(extract(year from (m ->> 'appliedOn')::date)::int, 0))
                                  order by m ->> 'kind', m ->> 'appliedOn')
                 from jsonb_array_elements(coalesce(a.details -> 'measures', '[]'::jsonb)) m), '[]'::jsonb) as measures,
       coalesce(a.fine, 0) + coalesce(a.gains, 0) + coalesce(a.property_value, 0)                 as money
from sv_act a
cross join lateral (
    select distinct v as year
    from unnest(array[extract(year from coalesce(a.decided_on, a.act_date))::int,
                      extract(year from (a.details -> 'inspection' ->> 'checkedOn')::date)::int]
                || array(select extract(year from (m ->> 'appliedOn')::date)::int
                         from jsonb_array_elements(coalesce(a.details -> 'measures', '[]'::jsonb)) m)) v
    where v is not null) y;

create materialized view sv_act_year_tally as
select body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures, count(*) as acts, sum(money) as money
from sv_act_year
group by body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures
with data;
create unique index sv_act_year_tally_key on sv_act_year_tally (body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures);

-- A penalty case ended at triage (不予立案, 移交, 移送司法机关) is closed that day: the platform now writes the day when
-- the case is declined. Cases declined before this migration take it from their record (the case.declined entry, in
-- Asia/Shanghai; archived months too: record_entry_all), and the supervision ledger's copy of every platform case takes the closing day the case has (it had
-- none for any platform case: case-file review programmes could not draw one).
update enforcement_case c set closed_on = d.day
from (select e.subject_id, max((e.occurred_at at time zone 'Asia/Shanghai')::date) as day
      from record_entry_all e
      where e.subject_type = 'penalty_case' and e.action = 'case.declined'
      group by e.subject_id) d
where c.id::text = d.subject_id and c.closed_on is null and c.stage in ('NOT_FILED', 'HANDED_OVER', 'TRANSFERRED');

update sv_act a set closed_on = c.closed_on
from enforcement_case c
where a.source = 'PLATFORM' and a.external_id = c.id::text and a.kind in ('PENALTY', 'PENALTY_SIMPLE')
  and c.closed_on is not null and a.closed_on is null;

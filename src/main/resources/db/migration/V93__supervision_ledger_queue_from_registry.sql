-- Changes the event publication registry had not delivered to the ledger or the alert rules when the ledger's queue
-- (V92) replaced it — a process that died, a listener that failed — are queued, so none is lost with the old listeners;
-- their publications are completed (the registry has no listener for them any more).
insert into sv_ledger_queue (kind, ref)
select 'CASE', (serialized_event::jsonb ->> 'caseId')::bigint
from event_publication
where completion_date is null and event_type = 'zhifa.casework.CaseChanged'
  and serialized_event::jsonb ->> 'caseId' ~ '^[0-9]{1,18}$';

insert into sv_ledger_queue (kind, ref)
select 'ACT', (serialized_event::jsonb ->> 'actId')::bigint
from event_publication
where completion_date is null and event_type = 'zhifa.supervision.ActRecorded'
  and serialized_event::jsonb ->> 'actId' ~ '^[0-9]{1,18}$';

update event_publication set completion_date = now(), status = 'COMPLETED'
where completion_date is null and event_type in ('zhifa.casework.CaseChanged', 'zhifa.supervision.ActRecorded');

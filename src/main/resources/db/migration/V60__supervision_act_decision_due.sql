-- The day an act's decision is due, kept on the act when it is recorded: the source's own due day when it reported one
-- (extensions and pauses included), else ninety days from filing (行政处罚法第六十条). The dashboard counts the undecided
-- acts past it from an index instead of reading every undecided act's details.
alter table sv_act add column decision_due date;
update sv_act set decision_due = coalesce((details -> 'dues' ->> 'decision')::date, filed_on + 90) where filed_on is not null;
drop index sv_act_undecided;
create index sv_act_undecided on sv_act (filed_on, decision_due, body_id) where decided_on is null and filed_on is not null;

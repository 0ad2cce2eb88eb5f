-- The bodies whose summaries are to be recomputed are noted by the database itself, for every statement that writes the
-- ledger whoever runs it (the platform's upsert, a correction by hand, a bulk load), with the body a row had before and
-- the one it has after — V95 noted them in the platform's upsert only, from a snapshot that could miss a concurrent
-- move of an act to a third body. One note per body and statement (statement-level triggers with transition tables).
create function sv_act_note_bodies() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into sv_summary_dirty (body_id) select distinct body_id from new_rows;
  elsif tg_op = 'UPDATE' then
    insert into sv_summary_dirty (body_id) select body_id from old_rows union select body_id from new_rows;
  else
    insert into sv_summary_dirty (body_id) select distinct body_id from old_rows;
  end if;
  return null;
end $$;

create trigger sv_act_noted_insert after insert on sv_act referencing new table as new_rows
  for each statement execute function sv_act_note_bodies();
create trigger sv_act_noted_update after update on sv_act referencing old table as old_rows new table as new_rows
  for each statement execute function sv_act_note_bodies();
create trigger sv_act_noted_delete after delete on sv_act referencing old table as old_rows
  for each statement execute function sv_act_note_bodies();

-- the summaries as V95 copied them from the materialized views may have lagged the ledger: every body once
insert into sv_summary_dirty (body_id) select distinct body_id from sv_act;

-- the yearly tally keeps one row per group (a second insert of a body's groups fails instead of counting twice)
drop index sv_act_year_tally_body;
create unique index sv_act_year_tally_key on sv_act_year_tally
  (body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures) nulls not distinct;

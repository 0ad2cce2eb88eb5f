-- The ledger's queue: what is still to follow a change, written in the change's own transaction and worked off in
-- batches (one transaction, one commit for many) by whichever node claims it first (for update skip locked).
--   CASE: a platform case changed, its act as it stands goes into the ledger (sv_act);
--   ACT:  an act of the ledger changed, the alert rules and special supervision look at it.
-- Rows are only inserted by the changes (never updated: a change never waits for a batch that holds an older row of
-- its case); a batch takes every row of a case at once. A row is gone only when its work has committed; a failed item
-- is queued again for later (due_at, attempts), never dropped.
-- It replaces the event publication registry for these two steps, which cost three publications per case change, each
-- an insert and two updates committed on their own.
create table sv_ledger_queue (
  id         bigint generated always as identity primary key,
  kind       text        not null check (kind in ('CASE', 'ACT')),
  ref        bigint      not null,
  queued_at  timestamptz not null default now(),
  due_at     timestamptz not null default now(),
  attempts   integer     not null default 0,
  last_error text
);
create index sv_ledger_queue_claim on sv_ledger_queue (kind, id);

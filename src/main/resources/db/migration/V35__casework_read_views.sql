-- The case kernel's published read view: what other modules (a kind's own queries, the supervision ledger later) may
-- join of a case — never its party's ID number or its registration details.
create view case_view as
select c.id, c.kind, c.body_id, c.matter_id, c.stage, c.party_key, c.act_date, c.act_end_date, c.case_number, c.filed_on, c.received_on,
  c.closed_on, c.archived_on, c.demo
from enforcement_case c;

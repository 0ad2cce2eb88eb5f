-- Further facts of an act some alert rules need (penalty kinds decided and notified, the party's defence, the amount
-- notified, a deviation from the discretion benchmark, 先行登记保存 / 查封 / 扣押 with their dates, money collected on the
-- spot): kept as one JSON document per act, as the source reported it.
alter table sv_act add column details jsonb not null default '{}';

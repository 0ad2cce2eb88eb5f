-- A 查封、扣押 the head refuses to approve was taken (its decision handed over on the spot): it is released at once
-- (行政强制法第十九条) and gets its 解除决定书 on that ground. One refused before this version was closed without a ground
-- and had its documents on paper: marked, so nothing is asked of it now.
alter table coercion_measure drop constraint coercion_measure_release_ground_check;
alter table coercion_measure add constraint coercion_measure_release_ground_check
    check (release_ground in ('NO_VIOLATION', 'UNRELATED', 'DEALT_WITH', 'EXPIRED', 'OTHER', 'NOT_APPROVED'));
alter table coercion_measure add column refused_on_paper boolean not null default false;
update coercion_measure m set refused_on_paper = true
 where exists (select 1 from case_measure_approval a where a.measure_id = m.id and a.approved = false);

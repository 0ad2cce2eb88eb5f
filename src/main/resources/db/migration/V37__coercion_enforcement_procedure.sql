-- 行政强制执行 as its own procedure (行政强制法第三十五至三十九条、第五十三至五十八条): where it stands, the obligation
-- the case kind handed over, the party's statement after the 催告 and its review (第三十六条), and the route — a
-- 强制执行决定 by a body the law gives that power (第三十七条) or an application to the people's court (第五十三条).
alter table coercion_enforcement add column stage varchar(16);
update coercion_enforcement set stage = case when result is not null then 'DONE' when applied_on is not null then 'APPLIED' else 'URGED' end;
alter table coercion_enforcement alter column stage set not null;
alter table coercion_enforcement add constraint coercion_enforcement_stage check (stage in ('URGED', 'APPLIED', 'DECIDED', 'DONE'));
alter table coercion_enforcement add column obligation varchar(500) not null default '（迁移前催告，未记录）';
alter table coercion_enforcement alter column obligation drop default;
alter table coercion_enforcement add column amount bigint check (amount is null or amount >= 0);
alter table coercion_enforcement add column statement text;
alter table coercion_enforcement add column statement_review text;
alter table coercion_enforcement add column power_basis varchar(300);
alter table coercion_enforcement add column decided_on date;
alter table coercion_enforcement add column decision_number varchar(100);
create index coercion_enforcement_open on coercion_enforcement (case_id) where stage <> 'DONE';

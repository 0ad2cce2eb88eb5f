-- 其他行政执法决定的公开（RULES.md §4.1：二十个工作日内）: besides the penalty decision, a case's 查封、扣押 decisions
-- (行政强制法第二十四条) and its 强制执行决定 (第三十七条) are drafted, masked, for publication. A case has one penalty
-- item, one item per measure and one enforcement item.
alter table disclosure_item add column kind varchar(16) not null default 'PENALTY' check (kind in ('PENALTY', 'MEASURE', 'ENFORCEMENT'));
alter table disclosure_item add column ref bigint;
alter table disclosure_item drop constraint disclosure_item_case_id_key;
create unique index disclosure_item_one on disclosure_item (case_id, kind, coalesce(ref, 0));

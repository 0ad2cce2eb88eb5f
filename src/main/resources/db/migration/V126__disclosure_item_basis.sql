-- 行政处罚法第四十八条 and 国办发〔2018〕118号: a published penalty decision shows its legal basis (违反条款 and 处罚依据), as its
-- decision document cites them, taken when the public version is drafted. Empty for the items drafted before.
alter table disclosure_item add column basis text;

-- 行政处罚法第二十四条: a county department's power to punish is handed to a township (街道) by a decision of the province
-- (省、自治区、直辖市), which the county's own document implements. The delegation keeps that decision (name and 文号);
-- required for 行政处罚 matters from now on, empty for the rows before (shown as not registered) and for other kinds.
alter table township_delegation add column provincial_basis varchar(300);

-- the head's opinion on filing, as he wrote it: the 立案审批表 prints it (it printed a sentence of its own)
alter table penalty_case add column filing_opinion varchar(500);

-- 报请立案: the handling officer's opinion on a clue after checking it, with who wrote it and when — the 立案审批表's
-- 承办人意见 with signature and date (it printed a sentence of its own, signed by the officers the head assigned)
alter table penalty_case add column filing_request varchar(500), add column filing_requested_on date, add column filing_requested_by varchar(200);

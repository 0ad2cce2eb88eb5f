-- Indexes that another index on the same table already answers, each costing every insert and update of its table:
-- enforcement_case_party_key (V99) repeats enforcement_case_party (V15, renamed in V27) — party_key is not null, so its
-- "where party_key is not null" keeps every row; written with every clue.
drop index if exists enforcement_case_party_key;
-- ex_outbound_recent (id desc) is the primary key read backwards; written with every queued report.
drop index if exists ex_outbound_recent;
-- the leading columns of a unique index answer the same lookups
drop index if exists org_body_region;           -- unique (region_id, name)
drop index if exists legal_provision_article;   -- unique (document_id, article_no, paragraph_no, item_no)

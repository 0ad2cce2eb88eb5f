-- the party's address (住所、经营场所): the decision names it (行政处罚法第五十九条第一款第（一）项); it printed the act's place.
-- Cases registered before have none: it is written by 更正当事人信息 before the decision, which refuses without it.
alter table enforcement_case add column party_address varchar(300);

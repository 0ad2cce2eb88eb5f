-- 复议/诉讼 can also end in 确认无效 (行政诉讼法第七十五条、行政复议法第六十七条) or be withdrawn / terminated (撤回或终止).
alter table penalty_remedy drop constraint penalty_remedy_outcome_check;
alter table penalty_remedy add constraint penalty_remedy_outcome_check
    check (outcome in ('UPHELD', 'CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_INVALID', 'WITHDRAWN'));

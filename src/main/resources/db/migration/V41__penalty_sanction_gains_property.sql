-- Money is one thing from proposal to decision (罚款、没收违法所得、没收非法财物): the single "confiscation" amount, which
-- stood for either kind of 没收, becomes the 没收违法所得 amount, and 没收非法财物 gets its own list of things and their
-- value — the same three fields in the proposal, the notice and the decision. Rows that confiscated property only keep
-- their amount as the property's value; the list of things was never recorded, which the row says.
alter table penalty_proposal rename column confiscation to gains;
alter table penalty_proposal add column property varchar(2000), add column property_value bigint check (property_value >= 0);
alter table penalty_notice rename column confiscation to gains;
alter table penalty_notice add column property varchar(2000), add column property_value bigint check (property_value >= 0);
alter table penalty_case rename column decision_confiscation to decision_gains;
alter table penalty_case add column decision_property varchar(2000), add column decision_property_value bigint check (decision_property_value >= 0);

update penalty_proposal set property_value = gains, property = '（本平台升级前登记，未列明物品）', gains = null
 where types like '%CONFISCATE_PROPERTY%' and types not like '%CONFISCATE_GAINS%' and gains is not null;
update penalty_notice set property_value = gains, property = '（本平台升级前登记，未列明物品）', gains = null
 where types like '%CONFISCATE_PROPERTY%' and types not like '%CONFISCATE_GAINS%' and gains is not null;
update penalty_case set decision_property_value = decision_gains, decision_property = '（本平台升级前登记，未列明物品）', decision_gains = null
 where decision_types like '%CONFISCATE_PROPERTY%' and decision_types not like '%CONFISCATE_GAINS%' and decision_gains is not null;

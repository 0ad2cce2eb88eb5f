-- 行政处罚法第六十四条: the party is told the hearing's time and place, and who presides (he may ask for the presiding
-- officer's recusal). The time of day (empty for hearings arranged before), and the presiding officer's name as he was
-- on the day it was arranged (taken from the officer for those arranged before).
alter table penalty_hearing add column hearing_time time;
alter table penalty_hearing add column presiding_name varchar(100);
update penalty_hearing h set presiding_name = o.name from officer o where o.id = h.presiding_id and h.presiding_name is null;

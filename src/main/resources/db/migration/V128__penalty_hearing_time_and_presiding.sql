-- 行政处罚法第六十四条: the party is told the hearing's time and place, and who presides (he may ask for the presiding
-- officer's recusal). The time of day, and the presiding officer's name as he was on the day it was arranged; empty for
-- hearings arranged before.
alter table penalty_hearing add column hearing_time time;
alter table penalty_hearing add column presiding_name varchar(100);

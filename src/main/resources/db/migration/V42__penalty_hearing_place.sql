-- 行政处罚法第六十四条第（二）项: the party is told the time AND the place of the hearing; the place is kept with the
-- hearing and printed on the 听证通知书. Hearings scheduled before this have none recorded.
alter table penalty_hearing add column place varchar(300);

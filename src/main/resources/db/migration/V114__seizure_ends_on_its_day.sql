-- A 查封、扣押 ends on its thirtieth day (sixtieth when extended) even when that day is a day off, as its decision says
-- (行政强制法第二十五条: 不得超过三十日). Its reminder had been moved to the next working day like a period the party must
-- act within, and an extension counted from that later day. The running ones end where the statute and the decision say.
update case_timer
   set due_date = start_date + amount, provisional = false
 where kind = 'SEIZURE'
   and unit = 'CALENDAR_DAYS'
   and state in ('RUNNING', 'PAUSED')
   and due_date <> start_date + amount;

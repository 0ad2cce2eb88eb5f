-- The workbench's lists read through indexes (WorkbenchBenchmark): "我的案件" by who registered the case, and every list
-- of one stage newest first.
create index enforcement_case_registered_by on enforcement_case (registered_by_id) where registered_by_id is not null;
create index enforcement_case_stage_id on enforcement_case (stage, id desc);
-- "已超期" and "即将到期" read the timers from these alone (index-only once vacuumed), never the timer rows
create index case_timer_missed on case_timer (case_id) where state = 'MISSED';
create index case_timer_running on case_timer (due_date) include (case_id, kind) where state = 'RUNNING';

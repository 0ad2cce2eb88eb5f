-- 随机选派检查人员: each body's inspectors certified on the inspection day, fixed when the task's commitment is published
-- (before the beacon is known), as "机关编号:人员编号,人员编号;…"; the draw takes those still certified on its day
alter table insp_task add column inspector_pools text;

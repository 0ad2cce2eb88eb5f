-- 随机选派检查人员: each body's inspectors certified on the inspection day, fixed when the task's commitment is published
-- (before the beacon is known), as "机关编号:人员编号,人员编号;…"; the draw takes those still certified on its day. Tasks
-- published before keep null (the draw then takes everyone certified); a new task starts empty, so a commitment that did
-- not fix the pools cannot be drawn.
alter table insp_task add column inspector_pools text;
alter table insp_task alter column inspector_pools set default '';

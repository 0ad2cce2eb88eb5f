-- 查封、扣押决定书 (行政强制法第二十四条) states the measure's reason and legal basis and the place of what is sealed or
-- detained: kept with the measure from now on (required for a new one); a measure recorded before has none, and its
-- decision cannot be generated from the platform.
alter table coercion_measure add column reason varchar(500);
alter table coercion_measure add column basis varchar(300);
alter table coercion_measure add column place varchar(200);

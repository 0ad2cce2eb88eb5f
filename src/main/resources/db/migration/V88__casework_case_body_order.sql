-- One body's cases newest first: the workbench's lists of one body (已超期, 未缴清 …) walk this index in id order and
-- meet the matching child rows (missed timers, unpaid decisions) in a merge, instead of collecting every match of the
-- platform first. At ten million cases one body's 已超期 went from ~450 ms to under 150 ms.
create index enforcement_case_body_id on enforcement_case (body_id, id desc);

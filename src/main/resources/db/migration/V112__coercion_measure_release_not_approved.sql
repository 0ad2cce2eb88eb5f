-- A 查封、扣押 the head refused to approve is released at once (行政强制法第十九条) and gets its 解除决定书 on that ground.
alter table coercion_measure drop constraint coercion_measure_release_ground_check;
alter table coercion_measure add constraint coercion_measure_release_ground_check
    check (release_ground in ('NO_VIOLATION', 'UNRELATED', 'DEALT_WITH', 'EXPIRED', 'OTHER', 'NOT_APPROVED'));

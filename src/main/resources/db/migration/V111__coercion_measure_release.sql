-- A 查封、扣押 released (解除) names its ground of 行政强制法第二十八条第一款; its 解除决定书 states it. A measure dealt
-- with otherwise (没收、销毁、移送) or closed before has none.
alter table coercion_measure add column release_ground varchar(16)
    check (release_ground in ('NO_VIOLATION', 'UNRELATED', 'DEALT_WITH', 'EXPIRED', 'OTHER'));

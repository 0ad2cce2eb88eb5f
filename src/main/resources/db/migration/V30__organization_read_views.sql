-- The organisation module's published read views: other modules join these, never org_body or org_region themselves,
-- so the organisation module may change its tables behind them (TableOwnershipTest enforces it).
create view region_view as
select r.id, r.code, r.name, r.level, r.parent_id, r.path from org_region r;

create view body_view as
select b.id, b.name, b.uscc, b.kind, b.status, b.region_id, r.path as region_path, r.name as region_name, r.level as region_level,
  b.supervisory, b.demo
from org_body b join org_region r on r.id = b.region_id;

create view domain_view as
select d.code, d.name, d.active, d.sort_order from org_domain d;

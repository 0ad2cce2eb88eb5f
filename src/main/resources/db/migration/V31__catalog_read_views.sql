-- The catalogue's published read views: the matter with its domain, its legal basis, and its violation codes one per
-- row (so nobody matches a comma-joined list with LIKE).
create view matter_view as
select m.id, m.body_id, m.code, m.name, m.type, m.domain_code, m.township, m.status, m.demo from enforcement_matter m;

create view matter_basis_view as
select b.matter_id, b.citation, b.provision_id from enforcement_matter_basis b;

create view matter_violation_view as
select m.id as matter_id, btrim(v) as violation_code
from enforcement_matter m cross join lateral unnest(string_to_array(m.violation_codes, ',')) v
where btrim(v) <> '';

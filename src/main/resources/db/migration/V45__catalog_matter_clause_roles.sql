-- A penalty matter rests on two different articles (国办发〔2022〕27号; RULES.md §6, §11): the clause the party
-- violated (违反条款) and the clause that punishes (处罚条款). Existing citations stay unclassified (BASIS) until edited.
alter table enforcement_matter_basis add column role varchar(16) not null default 'BASIS'
    constraint enforcement_matter_basis_role check (role in ('BASIS', 'VIOLATED', 'PENALTY'));

create or replace view matter_basis_view as
select b.matter_id, b.citation, b.provision_id, b.role from enforcement_matter_basis b;

-- The officers who took a 先行登记保存 (行政处罚法第四十二条: two or more, with valid certificates on the day), as its notice
-- names them; null for one recorded before they were kept (its notice names the case's officers).
alter table case_preservation add column officer_ids bigint[];
alter table case_preservation add column officers text[];
alter table case_preservation add constraint case_preservation_officers_check
    check ((officer_ids is null) = (officers is null) and cardinality(officer_ids) = cardinality(officers));

-- The officers who carried out a 查封、扣押 (行政强制法第十八条第（二）项: two or more, with valid certificates on the day),
-- as its decision names them; null for a measure recorded before they were kept (its documents name the case's officers).
alter table coercion_measure add column officer_ids bigint[];
alter table coercion_measure add column officers text[];
alter table coercion_measure add constraint coercion_measure_officers_check
    check ((officer_ids is null) = (officers is null) and cardinality(officer_ids) = cardinality(officers));

-- The extension of a 查封、扣押 is told to the party in writing with its reason (行政强制法第二十五条第二款): the reason
-- and the day are kept with the measure (an extension before this kept them only in the record).
alter table coercion_measure add column extension_reason varchar(500);
alter table coercion_measure add column extended_on date;

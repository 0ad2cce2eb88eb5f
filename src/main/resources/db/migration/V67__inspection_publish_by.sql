-- The day an inspection's result must be published by (20 working days from the inspection, the case's timer), kept on
-- the visit so lists and statistics need not read the kernel's timers.
alter table insp_visit add column publish_by date;

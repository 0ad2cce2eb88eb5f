-- a random-inspection plan filed after its deadline says why (the supervisor reads it when deciding)
alter table insp_plan add column late_reason varchar(500);

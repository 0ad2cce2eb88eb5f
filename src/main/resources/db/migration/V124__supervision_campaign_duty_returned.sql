-- the supervising unit returns a unit's list or report with its reason; the unit sees why until it sends it again
alter table sv_campaign_duty add column returned_reason varchar(1000);
alter table sv_campaign_duty add column returned_at timestamptz;

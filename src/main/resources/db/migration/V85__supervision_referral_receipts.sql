-- 行刑衔接: the body's reconsideration and the hand-over count from the day it received the police's notice (第九条、
-- 第十二条), and the police's answer to a reconsideration is kept beside (not over) its first answer, with its own period.
alter table sv_referral add column notice_received_on date;
alter table sv_referral add column reconsideration_answer varchar(16) check (reconsideration_answer in ('FILED', 'NOT_FILED'));
alter table sv_referral add column reconsideration_answered_on date;
alter table sv_referral add column reconsideration_reasons text check (length(reconsideration_reasons) <= 4000);
alter table sv_referral add column reconsideration_received_on date;
-- the action plan: a supervisor's report is the confirmation an unmeasured item is done
alter table sv_action_report add column confirmed boolean not null default false;

-- 行政处罚法第三十五条第二款: where the people's court imposes a criminal fine (罚金) on the party, the body that has not fined
-- yet fines no more. When the head closes a referral the judicial organs handled, he records whether the court fined:
-- true bars a later administrative fine of the case; null where the question does not arise (the police did not file,
-- or referrals closed before this column).
alter table sv_referral add column court_fined boolean;

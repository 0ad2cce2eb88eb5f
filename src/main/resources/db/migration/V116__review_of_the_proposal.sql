-- A 法制审核 or 集体讨论 examines one proposal: the proposal's time is kept with it, and only a review of the proposal as it
-- stands lets the decision through (a proposal changed afterwards — heavier, or now major — needs its own). Null for one
-- recorded before: it counts as before.
alter table penalty_review add column proposal_at timestamptz;

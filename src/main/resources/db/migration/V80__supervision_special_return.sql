-- 专项监督: the reason an answer was returned, shown to the body until it answers again (the record keeps every one).
alter table sv_special add column return_reason text check (length(return_reason) <= 4000);

-- The public form's "被投诉的单位或执法人员" (at most 100 characters) is kept in front of the content as "【被投诉单位：……】":
-- the 5,000 characters are what was typed as the content, so the stored text may be that much longer.
alter table sv_complaint drop constraint sv_complaint_content_check;
alter table sv_complaint add constraint sv_complaint_content_check check (length(content) <= 5120);

-- A 先行登记保存 recorded from now on has its 先行登记保存证据通知书 made in the platform, and the case is not closed
-- without it; one recorded before had its notice on paper (it may still have one made, but is not required to).
alter table case_preservation add column notice_due boolean not null default false;

-- 办案内核: what every kind of case shares moves out of the penalty module. The case table becomes the kernel's
-- enforcement_case with its kind and an optimistic-lock version; officers, timers, numbers, evidence, transcripts,
-- documents and 先行登记保存 (行政处罚法第五十六条: a means of keeping evidence, not a 强制措施) become kernel tables.
-- Nothing is copied: the tables are renamed, so every row, id and foreign key stays as it was.
alter table penalty_case rename to enforcement_case;
alter table enforcement_case rename constraint penalty_case_pkey to enforcement_case_pkey;
alter index penalty_case_party rename to enforcement_case_party;
alter index penalty_case_matter rename to enforcement_case_matter;
alter table enforcement_case add column kind varchar(24) not null default 'PENALTY';
alter table enforcement_case alter column kind drop default;
alter table enforcement_case add column version bigint not null default 0 check (version >= 0);
alter table enforcement_case drop constraint penalty_case_body_id_case_year_case_seq_key;
alter table enforcement_case add constraint enforcement_case_number unique (body_id, kind, case_year, case_seq);
create index enforcement_case_stage on enforcement_case (body_id, stage, id desc);

alter table penalty_case_officer rename to case_officer;
alter table penalty_case_timer rename to case_timer;
alter table penalty_timer_pause rename to case_timer_pause;
alter table penalty_number_sequence rename to case_number_sequence;
alter table penalty_number_format rename to case_number_format;
alter table penalty_evidence rename to case_evidence;
alter table penalty_transcript rename to case_transcript;
alter table penalty_document rename to case_document;
create index case_timer_due on case_timer (state, due_date);
create index case_officer_officer on case_officer (officer_id) where released_on is null;

-- What is attached to a case (先行登记保存 here, 查封、扣押 in the coercion module…) takes its id from one sequence, so an
-- attachment id names one thing whichever module keeps it; the rows keep their ids (timers point to them by ref).
create sequence case_attachment_id_seq;
select setval('case_attachment_id_seq', greatest((select max(id) from penalty_measure), 1));

create table case_preservation (
    id            bigint        primary key default nextval('case_attachment_id_seq'),
    case_id       bigint        not null references enforcement_case (id),
    items         text          not null,
    approved_by   varchar(200)  not null,
    applied_on    date          not null,
    closed_on     date,
    outcome       varchar(500),
    created_by    varchar(200)  not null,
    created_at    timestamptz   not null
);
insert into case_preservation (id, case_id, items, approved_by, applied_on, closed_on, outcome, created_by, created_at)
select id, case_id, items, approved_by, applied_on, closed_on, outcome, created_by, created_at from penalty_measure where kind = 'PRESERVATION';
create index case_preservation_case on case_preservation (case_id);

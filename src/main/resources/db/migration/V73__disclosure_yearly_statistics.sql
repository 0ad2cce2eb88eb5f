-- 年度行政执法数据 as confirmed and published by the body (by 31 January): the figures as they stood when confirmed
-- (a later correction goes through the ledger and a new confirmation), who confirmed, when.
create table disclosure_yearly (
    id            bigserial     primary key,
    body_id       bigint        not null references org_body (id),
    year          integer       not null check (year between 2000 and 2100),
    figures       jsonb         not null,
    published_on  date          not null,
    published_by  varchar(100)  not null,
    created_at    timestamptz   not null,
    unique (body_id, year)
);

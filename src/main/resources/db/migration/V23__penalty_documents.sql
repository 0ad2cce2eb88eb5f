-- 执法文书: every generated PDF is kept by content (SM3) as a numbered version; a regenerated document is a new version.
create table penalty_document (
    id           bigserial     primary key,
    case_id      bigint        not null references penalty_case (id),
    type         varchar(24)   not null,
    version      integer       not null check (version > 0),
    number       varchar(100)  not null,
    sm3          char(64)      not null,
    size_bytes   integer       not null,
    pages        integer       not null,
    generated_by varchar(200)  not null,
    generated_at timestamptz   not null,
    unique (case_id, type, version)
);

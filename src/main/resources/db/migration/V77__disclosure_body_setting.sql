-- 仅处警告的处罚决定不予公开 (RULES.md §4.1 [CONF]): each body decides for itself; without a row the platform default
-- (zhifa.disclosure.exempt-warning-only) applies. Changes are on the body's record.
create table disclosure_setting (
    body_id              bigint       primary key references org_body (id),
    exempt_warning_only  boolean      not null,
    updated_by           varchar(100) not null,
    updated_at           timestamptz  not null
);

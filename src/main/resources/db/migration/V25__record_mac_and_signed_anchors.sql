-- The record resists its own database administrator: every new entry carries HMAC-SM3 over its chain hash under a key
-- kept outside the database (entries written before this version have none and are covered by the first signed
-- anchor), and anchors are signed with SM2 and also written to a file outside the database.
alter table record_entry add column mac char(64);

-- 签名锚定: an SM3 Merkle root over the heads of the chains that changed in [period_start, period_end), signed with SM2.
-- Anchors follow each other without gaps (period_start = the previous period_end) and each names the digest of the one
-- before it. The first one has no period_start: it covers everything written before it; legacy = entries without a MAC
-- existed then.
create table record_seal (
    seq          bigint      primary key check (seq >= 1),
    period_start timestamptz,
    period_end   timestamptz not null,
    root         char(64)    not null,
    chains       integer     not null check (chains >= 0),
    entries      bigint      not null check (entries >= 0),
    prev_digest  char(64)    not null,
    legacy       boolean     not null,
    key_id       char(16)    not null,
    signature    text        not null,
    created_at   timestamptz not null,
    check (period_start is null or period_start < period_end),
    check ((seq = 1) = (period_start is null))
);
create unique index record_seal_period_end on record_seal (period_end);

create trigger record_seal_append_only before update or delete on record_seal
    for each row execute function record_refuse_change();
create trigger record_seal_no_truncate before truncate on record_seal
    for each statement execute function record_refuse_change();

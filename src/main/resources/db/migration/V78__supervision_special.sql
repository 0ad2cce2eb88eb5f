-- 专项监督 (方案任务14; RULES.md §8): a decision changed, revoked or confirmed illegal or invalid in 行政复议 or 行政诉讼
-- opens an item on its act by itself (once per act); 监察建议、司法建议、检察建议 are registered with their demands and
-- followed to completion; a major or high-profile act can be put under special supervision by the supervisor. The body
-- concerned reports what it did (answer), the supervisor closes the item with a conclusion or returns the answer.
create table sv_special (
    id                  bigserial    primary key,
    kind                varchar(16)  not null check (kind in ('CORRECTED', 'SUGGESTION', 'DESIGNATED')),
    act_id              bigint       references sv_act (id),
    body_id             bigint       not null references org_body (id),
    title               varchar(200) not null,
    basis               text         not null check (length(basis) <= 4000),
    suggestion_type     varchar(16)  check (suggestion_type in ('SUPERVISORY', 'JUDICIAL', 'PROCURATORIAL')),
    issuer              varchar(100),
    document_number     varchar(100),
    received_on         date,
    answer_due          date         not null,
    status              varchar(16)  not null check (status in ('OPEN', 'ANSWERED', 'CLOSED')),
    answer              text         check (length(answer) <= 4000),
    answered_on         date,
    answered_by         varchar(100),
    conclusion          text         check (length(conclusion) <= 4000),
    closed_on           date,
    closed_by           varchar(100),
    opened_by           varchar(100) not null,
    version             integer      not null default 0,
    created_at          timestamptz  not null,
    check ((kind = 'SUGGESTION') = (suggestion_type is not null))
);
create unique index sv_special_corrected on sv_special (act_id) where kind = 'CORRECTED';
create index sv_special_body on sv_special (body_id, status);
create index sv_special_open on sv_special (status, answer_due);

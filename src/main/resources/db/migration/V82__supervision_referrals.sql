-- 行刑衔接 (《行政执法机关移送涉嫌犯罪案件的规定》, 国务院令第310号) and 纪检监察 clue referrals (方案任务12), on any act of
-- the ledger (this platform's cases and those reported by other systems). The periods are computed, not stored.
create table sv_referral (
    id                      bigserial     primary key,
    act_id                  bigint        not null references sv_act (id),
    body_id                 bigint        not null references org_body (id),
    kind                    varchar(12)   not null check (kind in ('CRIMINAL', 'DISCIPLINE')),
    status                  varchar(16)   not null,
    -- 行刑衔接
    team                    varchar(400),
    suspicion               text          check (length(suspicion) <= 4000),
    reported_at             timestamptz,
    reported_by             varchar(100),
    decision                varchar(16)   check (decision in ('TRANSFER', 'NOT_TRANSFER')),
    decision_reasons        text          check (length(decision_reasons) <= 4000),
    decided_at              timestamptz,
    decided_by              varchar(100),
    police_organ            varchar(200),
    materials               varchar(1000),
    transferred_at          timestamptz,
    police_answer           varchar(16)   check (police_answer in ('FILED', 'NOT_FILED')),
    police_answered_on      date,
    police_reasons          text          check (length(police_reasons) <= 4000),
    reconsideration_on      date,
    reconsideration_result  text          check (length(reconsideration_result) <= 4000),
    handed_over_on          date,
    handed_over_items       text          check (length(handed_over_items) <= 4000),
    procuratorate           text          check (length(procuratorate) <= 8000),
    -- 纪检监察
    official                varchar(200),
    clue                    text          check (length(clue) <= 4000),
    organ                   varchar(200),
    referred_on             date,
    answer                  text          check (length(answer) <= 4000),
    answered_on             date,
    version                 integer       not null default 0,
    created_at              timestamptz   not null
);
create index sv_referral_act on sv_referral (act_id);
create index sv_referral_body on sv_referral (body_id, status);

-- 案卷评查 (方案任务13; RULES.md §8): versioned rubrics (a published version never changes), review programmes that
-- sample closed files with the publicly re-runnable draw, cross-review assignments and each reviewer's marks.
create table sv_rubric (
    id            bigserial    primary key,
    code          varchar(40)  not null,
    version       integer      not null check (version >= 1),
    title         varchar(100) not null,
    example       boolean      not null default false,
    status        varchar(12)  not null check (status in ('DRAFT', 'PUBLISHED')),
    content       text         not null check (length(content) <= 60000),
    created_by    varchar(100) not null,
    created_at    timestamptz  not null,
    published_at  timestamptz,
    unique (code, version),
    check ((status = 'PUBLISHED') = (published_at is not null))
);

-- a published version is frozen: reviews keep the version they used
create function sv_rubric_frozen() returns trigger language plpgsql as $$
begin
    if old.status = 'PUBLISHED' then
        raise exception '已发布的评查标准版本不能修改或删除（%第%版）', old.code, old.version using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger sv_rubric_frozen before update or delete on sv_rubric for each row execute function sv_rubric_frozen();

create table sv_review_programme (
    id                    bigserial     primary key,
    body_id               bigint        not null references org_body (id),
    code                  varchar(40)   not null unique,
    title                 varchar(200)  not null,
    rubric_id             bigint        not null references sv_rubric (id),
    closed_from           date          not null,
    closed_to             date          not null,
    kinds                 varchar(200)  not null,
    audited_bodies        text          not null,
    ratio                 numeric(5, 4) not null check (ratio > 0 and ratio <= 1),
    per_file              integer       not null check (per_file between 1 and 3),
    upload_days           integer       not null check (upload_days between 1 and 60),
    status                varchar(12)   not null check (status in ('PLANNED', 'COMMITTED', 'DRAWN', 'CLOSED')),
    canonical             text,
    commitment            char(64),
    anchor_seq_at_commit  bigint,
    committed_at          timestamptz,
    beacon_seq            bigint,
    beacon                varchar(128),
    seed                  char(64),
    result_digest         char(64),
    drawn_at              timestamptz,
    created_by            varchar(100)  not null,
    created_at            timestamptz   not null,
    version               integer       not null default 0,
    check (closed_to >= closed_from)
);
create table sv_review_reviewer (
    programme_id  bigint        not null references sv_review_programme (id),
    account_id    bigint        not null,
    name          varchar(100)  not null,
    body_id       bigint        not null references org_body (id),
    conflicts     varchar(400)  not null default '',
    primary key (programme_id, account_id)
);
create table sv_review_file (
    id            bigserial    primary key,
    programme_id  bigint       not null references sv_review_programme (id),
    act_id        bigint       not null references sv_act (id),
    body_id       bigint       not null references org_body (id),
    rank          integer      not null,
    draw_key      char(64)     not null,
    platform      boolean      not null,
    upload_due    date,
    file_name     varchar(200),
    file_bytes    bytea,
    file_sm3      char(64),
    uploaded_at   timestamptz,
    status        varchar(12)  not null check (status in ('SCORING', 'DIFFERENT', 'FINAL')),
    total         integer,
    grade         varchar(20),
    vetoes        varchar(400),
    resolution    varchar(2000),
    resolved_by   varchar(100),
    document_id   bigint,
    version       integer      not null default 0,
    unique (programme_id, act_id),
    check ((file_name is null) = (file_bytes is null))
);
create index sv_review_file_body on sv_review_file (body_id, status);
create table sv_review_score (
    id            bigserial    primary key,
    file_id       bigint       not null references sv_review_file (id),
    account_id    bigint       not null,
    name          varchar(100) not null,
    body_id       bigint       not null references org_body (id),
    status        varchar(12)  not null check (status in ('ASSIGNED', 'SUBMITTED')),
    marks         jsonb,
    total         integer,
    grade         varchar(20),
    vetoes        varchar(400),
    submitted_at  timestamptz,
    version       integer      not null default 0,
    unique (file_id, account_id)
);
create index sv_review_score_account on sv_review_score (account_id, status);

-- the example rubric (labelled 示例: a department adopts its own numbers as a new version)
insert into sv_rubric (code, version, title, example, status, content, created_by, created_at, published_at) values
('PENALTY', 1, '行政处罚案卷评查标准（示例）', true, 'PUBLISHED', $$# 示例评查标准：分值为配置，请按本地评查办法另行发布新版本
否决|V_BODY|执法主体不具备执法资格或超越法定职权|REMOTE_ENFORCEMENT
否决|V_OFFICERS|执法人员未取得执法证件或少于两人|OFFICERS,LAPSED_CERTIFICATE
否决|V_CRIME|涉嫌犯罪应当移送司法机关而未移送|PENALTY_FOR_CRIME
否决|V_EVIDENCE|主要事实不清、证据不足
否决|V_LAW|适用法律、法规、规章错误
否决|V_PROCEDURE|违反法定程序（未告知即决定、未告知听证权利、应当法制审核而未审核、因申辩加重处罚）|DECISION_WITHOUT_NOTICE,HEARING_RIGHT,LEGAL_REVIEW,HEAVIER_AFTER_STATEMENT
否决|V_LIMITATION|超过追责时效作出处罚|LIMITATION
分组|FORM|案卷形式|20
扣分|F_INDEX|卷内目录、页码不完整或顺序混乱|2
扣分|F_WRITING|文书填写不规范、涂改|2
扣分|F_SEAL|文书未加盖印章或签名、日期缺失|3
扣分|F_SERVICE|送达回证缺失、送达方式不当或送达超期|3|DECISION_SERVICE
扣分|F_RECORD|执法全过程记录不完整|5
扣分|F_ARCHIVE|未按期立卷归档|5
分组|CONTENT|案卷内容|80
扣分|C_FILING|立案超期|5|LATE_FILING,UNFILED_CLUE
扣分|C_PERIOD|办案超过法定期限|10|DECISION_PERIOD,SIMPLE_BEYOND_LIMIT
扣分|C_DISCRETION|偏离裁量基准未说明理由|10|BENCHMARK_DEVIATION
扣分|C_EVIDENCE|证据收集不全面、不规范|10
扣分|C_DECISION|处罚决定书内容不完整、说理不充分|10
扣分|C_PUBLICATION|未按期公示或撤下|5|LATE_PUBLICATION
扣分|C_EXECUTION|罚没款未按期缴纳、催告或申请强制执行|10|UNPAID,HAND_IN
扣分|C_MEASURES|先行登记保存、查封扣押超期|10|PRESERVATION_PERIOD,SEIZURE_PERIOD
扣分|C_REPEAT|以罚代管、重复处罚|10|REPEATED_FINES
档次|优秀|90
档次|良好|80
档次|合格|60
$$, '系统', now(), now());

-- 法律依据库: documents (each version its own row), provisions as 条/款/项, bigram index for Chinese keyword search.
create table legal_document (
    id              bigserial    primary key,
    title           varchar(200) not null,
    short_title     varchar(200) not null,
    kind            varchar(32)  not null check (kind in ('LAW', 'ADMINISTRATIVE_REGULATION', 'LOCAL_REGULATION', 'DEPARTMENT_RULE', 'LOCAL_GOVERNMENT_RULE', 'NORMATIVE_DOCUMENT')),
    issuing_body    varchar(200) not null,
    document_number varchar(100),
    effective_from  date         not null,
    repealed_on     date,
    history         text         not null,
    articles        integer      not null check (articles >= 0),
    demo            boolean      not null default false,
    created_at      timestamptz  not null,
    unique (title, effective_from),
    check (repealed_on is null or repealed_on > effective_from)
);

create table legal_provision (
    id           bigserial    primary key,
    document_id  bigint       not null references legal_document (id),
    article_no   integer      not null,
    paragraph_no integer,
    item_no      integer,
    chapter      varchar(200),
    label        varchar(60)  not null,
    text         text         not null,
    check (item_no is null or paragraph_no is not null),
    unique (document_id, article_no, paragraph_no, item_no)
);
create index legal_provision_article on legal_provision (document_id, article_no);

create table legal_gram (
    gram         varchar(2) not null,
    provision_id bigint     not null references legal_provision (id),
    primary key (gram, provision_id)
);

-- The procedure numbers of each 执法领域 as data (RULES.md §2 [CONF]), each with the rule that sets it. The DEFAULT row
-- applies to a domain without its own: the statute's number where 行政处罚法 sets one, otherwise the 市场监管 number
-- marked as borrowed until the domain's own rules are entered.
create table penalty_procedure_profile (
    domain_code                   varchar(32)   primary key check (domain_code = 'DEFAULT' or domain_code ~ '^[A-Z][A-Z0-9_]*$'),
    filing_days                   integer       not null check (filing_days between 1 and 60),
    filing_source                 varchar(300)  not null,
    filing_extension_days         integer       not null check (filing_extension_days between 0 and 60),
    filing_extension_source       varchar(300)  not null,
    decision_days                 integer       not null check (decision_days between 1 and 365),
    decision_source               varchar(300)  not null,
    decision_extension_days       integer       not null check (decision_extension_days between 0 and 365),
    decision_extension_source     varchar(300)  not null,
    legal_review_days             integer       not null check (legal_review_days between 1 and 60),
    legal_review_source           varchar(300)  not null,
    statement_days                integer       not null check (statement_days between 1 and 60),
    statement_source              varchar(300)  not null,
    onspot_report_days            integer       not null check (onspot_report_days between 1 and 60),
    onspot_report_source          varchar(300)  not null,
    updated_by                    varchar(200)  not null,
    updated_at                    timestamptz   not null
);

insert into penalty_procedure_profile values
('DEFAULT',
  15, '行政处罚法第五十四条第二款（及时立案）；本领域规章未定期限，暂参照市场监督管理行政处罚程序规定第十八条',
  15, '暂参照市场监督管理行政处罚程序规定第十八条（经负责人批准）',
  90, '行政处罚法第六十条',
  30, '行政处罚法第六十条（规章另有规定的从其规定）；本领域规章未定延长期限，暂参照市场监督管理行政处罚程序规定第六十四条',
  10, '行政处罚法第五十八条；审核期限按本机关规定（默认十个工作日）',
  5, '行政处罚法第四十四条、第四十五条；期限按本领域程序规定（默认五个工作日）',
  5, '行政处罚法第五十二条第三款；备案期限按本机关规定（默认五个工作日）',
  '系统', now()),
('MARKET',
  15, '市场监督管理行政处罚程序规定第十八条',
  15, '市场监督管理行政处罚程序规定第十八条（经市场监督管理部门负责人批准）',
  90, '行政处罚法第六十条；市场监督管理行政处罚程序规定第六十四条',
  30, '市场监督管理行政处罚程序规定第六十四条（经负责人批准；再延长须集体讨论）',
  10, '行政处罚法第五十八条；审核期限按本机关规定（默认十个工作日）',
  5, '行政处罚法第四十四条、第四十五条；市场监督管理行政处罚程序规定（五个工作日内未行使视为放弃）',
  5, '行政处罚法第五十二条第三款；备案期限按本机关规定（默认五个工作日）',
  '系统', now());

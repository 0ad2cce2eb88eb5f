-- Alerts raised before the rules named each finding: the 趋利性执法 finding on non-local parties had the title of the
-- finding on amounts, and the 未事先告知 rule cited fewer articles than its reasonings do. Open alerts only: a closed one
-- stays as it was when it was acted on.
update sv_alert set title = '趋利性执法（罚款主要针对外地当事人）' where rule_code = 'PROFIT_SEEKING' and occurrence = 'NON_LOCAL'
  and state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED');
update sv_alert set article = '《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十二条、第六十四条、第六十五条'
  where rule_code = 'DECISION_WITHOUT_NOTICE' and state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED');

/**
 * 行政执法公示 (三项制度; RULES.md §4.1; 方案任务7): the public portal, without login, in Chinese, for phones first — the
 * 事前公开 (bodies, officers with valid certificates, catalogues and their history, 随机抽查事项清单, benchmarks and
 * 减免责清单, procedures from the kernel's declarations), published penalty decisions and inspection results, the record's
 * signed anchors. It reads the other modules' published interfaces. The 事后公开 of penalty decisions
 * ({@code DecisionDisclosures}) owns {@code disclosure_item}; the yearly statistics as confirmed and published
 * ({@code YearlyStatistics}) own {@code disclosure_yearly}; each body's publication setting (warnings alone) is
 * {@code disclosure_setting}. Pages carry an ETag.
 */
@org.springframework.modulith.ApplicationModule(displayName = "行政执法公示")
package zhifa.disclosure;

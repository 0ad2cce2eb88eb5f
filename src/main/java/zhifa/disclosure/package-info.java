/**
 * 行政执法公示 (三项制度; RULES.md §4.1; 方案任务7): the public portal, without login, in Chinese, for phones first.
 * So far the 事前公开 part: the enforcement bodies with their domains, contacts and supervision channels; their officers
 * holding a certificate valid today (linked to the certificate verification page); each body's published 执法事项目录
 * and its history; its 随机抽查事项清单; the discretion benchmarks and 减免责清单 in force; and every procedure as the
 * kernel declares it. It reads the other modules' published interfaces. The 事后公开 of penalty decisions ({@code DecisionDisclosures}) owns
 * {@code disclosure_item}. Pages carry an ETag.
 */
@org.springframework.modulith.ApplicationModule(displayName = "行政执法公示")
package zhifa.disclosure;

/**
 * 行政处罚 by phase — 事先告知、陈述申辩、听证. Part of the penalty module's API (a named interface): other modules and the demo data
 * call these services; their SQL lives in {@code zhifa.penalty.persistence}.
 */
@org.springframework.modulith.NamedInterface("notice")
package zhifa.penalty.notice;

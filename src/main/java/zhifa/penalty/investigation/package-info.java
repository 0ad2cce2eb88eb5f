/**
 * 行政处罚 by phase — 调查（回避、办案人员、办案期限）. Part of the penalty module's API (a named interface): other modules and the demo data
 * call these services; their SQL lives in {@code zhifa.penalty.persistence}.
 */
@org.springframework.modulith.NamedInterface("investigation")
package zhifa.penalty.investigation;

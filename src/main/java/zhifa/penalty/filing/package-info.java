/**
 * 行政处罚 by phase — 立案. Part of the penalty module's API (a named interface): other modules and the demo data
 * call these services; their SQL lives in {@code zhifa.penalty.persistence}.
 */
@org.springframework.modulith.NamedInterface("filing")
package zhifa.penalty.filing;

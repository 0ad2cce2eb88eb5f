/**
 * 行政处罚 by phase — 作出决定. Part of the penalty module's API (a named interface): other modules and the demo data
 * call these services; their SQL lives in {@code zhifa.penalty.persistence}.
 */
@org.springframework.modulith.NamedInterface("decision")
package zhifa.penalty.decision;

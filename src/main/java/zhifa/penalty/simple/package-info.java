/**
 * 行政处罚 by phase — 简易程序（当场处罚、决定书号段）. Part of the penalty module's API (a named interface): other modules and the demo data
 * call these services; their SQL lives in {@code zhifa.penalty.persistence}.
 */
@org.springframework.modulith.NamedInterface("simple")
package zhifa.penalty.simple;

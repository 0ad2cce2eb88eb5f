/**
 * 行政处罚 by phase — 拟作处罚（处罚建议、法制审核、集体讨论、法制审核目录清单）. Part of the penalty module's API (a named interface): other modules and the demo data
 * call these services; their SQL lives in {@code zhifa.penalty.persistence}.
 */
@org.springframework.modulith.NamedInterface("proposal")
package zhifa.penalty.proposal;

/**
 * 行政处罚 by phase — 执行（送达、缴款、复议诉讼、执行情况、结案归档）. Part of the penalty module's API (a named interface): other modules and the demo data
 * call these services; their SQL lives in {@code zhifa.penalty.persistence}.
 */
@org.springframework.modulith.NamedInterface("execution")
package zhifa.penalty.execution;

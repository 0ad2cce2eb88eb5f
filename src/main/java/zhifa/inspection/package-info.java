/**
 * 行政检查 (方案任务8; RULES.md §5): 双随机、一公开 with draws anyone can re-run, joint "综合查一次" inspections, limits
 * on visits to enterprises, 扫码入企, and findings that become penalty clues — a case kind on the case kernel.
 * <p>
 * So far: the draw ({@code draw}), the documented, deterministic selection of objects from a committed pool, which
 * anyone can recompute; the 检查对象名录库 ({@code objects}), which owns {@code insp_object} and
 * {@code insp_object_risk_change}; and the 随机抽查事项清单 ({@code items}), which owns {@code insp_item}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "行政检查")
package zhifa.inspection;

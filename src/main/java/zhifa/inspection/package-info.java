/**
 * 行政检查 (方案任务8; RULES.md §5): 双随机、一公开 with draws anyone can re-run, joint "综合查一次" inspections, limits
 * on visits to enterprises, 扫码入企, and findings that become penalty clues — a case kind on the case kernel.
 * <p>
 * The draw ({@code draw}), the documented, deterministic selection of objects from a committed pool, which anyone can
 * recompute; the 检查对象名录库 ({@code objects}), which owns {@code insp_object} and {@code insp_object_risk_change};
 * the 随机抽查事项清单 ({@code items}), which owns {@code insp_item}; yearly plans and their tasks ({@code plans}: owns
 * {@code insp_plan}, {@code insp_task}, {@code insp_task_item}, {@code insp_task_partner}); and the visits, each a case of the kernel
 * ({@code visits}: {@link zhifa.inspection.visits.InspectionKind}, the once-only draw with its teams ({@code Draws}), conflicts, the
 * visit's lifecycle ({@code Visits}), its lists, the checklist, merge proposals,
 * 扫码入企; owns {@code insp_visit}, {@code insp_visit_item}, {@code insp_team_member}, {@code insp_check}, {@code insp_scan},
 * {@code insp_conflict}, {@code insp_merge}, {@code insp_expert}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "行政检查")
package zhifa.inspection;

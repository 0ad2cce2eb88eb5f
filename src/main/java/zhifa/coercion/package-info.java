/**
 * 行政强制 (行政强制法; RULES.md §2 adjacent statutes): 行政强制措施 — 查封、扣押 with the mandatory audio-video record,
 * thirty days and one thirty-day extension (第十八、二十二至二十八条) — attached to a case of any kind, and 行政强制执行 as
 * its own procedure (催告 → 陈述申辩 → 强制执行决定 or 申请人民法院强制执行 → 结果; 第三十五至三十九、五十三至五十八条), started
 * by a case kind that hands over the unmet obligation (a penalty decision that is overdue; other kinds likewise). When
 * either may happen to a case is the case kind's to declare ({@link zhifa.casework.CaseActions}); this module never
 * depends on a kind. 先行登记保存 is not here: it keeps evidence (行政处罚法第五十六条) and belongs to the kernel.
 * <p>
 * Owns the tables {@code coercion_measure} and {@code coercion_enforcement}.
 */
package zhifa.coercion;

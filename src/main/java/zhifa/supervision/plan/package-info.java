/**
 * 年度行政执法监督计划 (方案任务13): the supervising unit's plan for the year, filed by 31 March, progress per item, and the
 * year's supervision report assembled from the data. Owns {@code sv_plan} and {@code sv_plan_item}.
 */
package zhifa.supervision.plan;

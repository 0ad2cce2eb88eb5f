/**
 * 行政裁量权基准 (国办发〔2022〕27号; RULES.md §6; 方案任务6): benchmark items per level (province → prefecture → county →
 * body), validated so that a lower level only refines within the upper level's tiers, types and ranges.
 * <p>
 * Owns the tables {@code discretion_benchmark}, {@code discretion_tier}, {@code hearing_threshold},
 * {@code leniency_item}.
 */
package zhifa.discretion;

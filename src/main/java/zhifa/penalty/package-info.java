/**
 * 行政处罚案件 (行政处罚法, general procedure; RULES.md §2; 方案任务5、6、7): clue → triage → 立案 under the law's checks, the
 * officers on the case, every timer with its legal source, gapless case numbers, and the answers the catalogue and
 * discretion modules ask for (enforcement activity per matter, a party's earlier penalties).
 */
package zhifa.penalty;

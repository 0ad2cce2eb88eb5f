package zhifa.coercion;

import java.time.LocalDate;

/**
 * What a case kind hands to 行政强制执行 on a day: the unmet obligation in words, the money still owed (fen; null when the
 * obligation is not money), the day it fell due, the day the periods for 行政复议 and 行政诉讼 against the decision end (from
 * which the court application window of 行政强制法第五十三条 runs), and for how many days 加处罚款 or 滞纳金 has been
 * counted (null when none applies; 第四十六条 lets a body enforce only after thirty).
 */
public record Obligation(String description, Long outstanding, LocalDate due, LocalDate remedyPeriodsEnd, Integer lateFeeDays) {
}

package zhifa.supervision;

/**
 * A body did a duty it owes once a year — published its 年度行政执法数据, filed its 年度行政执法监督计划 — in the
 * transaction that did it: its overdue alert for that year ends there and then, not in the night's sweep.
 */
public record YearlyDutyDone(long bodyId, Duty duty, int year) {

	public enum Duty {
		STATISTICS, PLAN
	}
}

package zhifa.supervision;

import java.util.Set;

/**
 * Which bodies have not published a year's enforcement statistics (年度行政执法数据, due by 31 January of the next year):
 * the disclosure module implements it, the nightly sweep raises an alert on each such body.
 */
public interface YearlyStatisticsSource {

	/** The active bodies that have not published {@code year}'s tables. */
	Set<Long> notPublished(int year);
}

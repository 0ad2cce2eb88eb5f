package zhifa.supervision.alert;

import java.util.List;

import zhifa.supervision.ActReport;

/**
 * One alert rule derived from the law (RULES.md §8): a pure policy over an act of the ledger. It finds its condition
 * (with the reasoning shown on the alert) or nothing; an empty answer for an act that had an alert closes it.
 */
public interface AlertRule {

	/** The rule's code, stored with each alert (e.g. {@code LATE_FILING}). */
	String code();

	/** What the rule finds, in Chinese (e.g. 立案超期). */
	String title();

	/** The title of one finding, where the rule finds more than one kind of thing. */
	default String title(Finding finding) {
		return title();
	}

	/** The legal source: the statute and its article. */
	String article();

	Severity severity();

	/** Whether the answer can change with the date alone (the nightly sweep evaluates these again). */
	boolean timeBased();

	List<Finding> evaluate(ActReport act, RuleContext context);
}

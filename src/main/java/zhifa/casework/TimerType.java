package zhifa.casework;

import zhifa.shared.DeadlineUnit;

/**
 * A kind of case timer: its code (stored with the timer; unique across the platform) and its {@link Rule}. Kinds and
 * attachable modules declare theirs as enums implementing this.
 */
public interface TimerType {

	/** What the timer is, its unit, its default length and its legal source. */
	record Rule(String label, DeadlineUnit unit, int defaultAmount, String source) {
	}

	String name();

	Rule rule();

	default String label() {
		return rule().label();
	}

	default DeadlineUnit unit() {
		return rule().unit();
	}

	default int defaultAmount() {
		return rule().defaultAmount();
	}

	default String source() {
		return rule().source();
	}

	/**
	 * The longest the body may hold the party to something (查封、扣押: 不得超过三十日): the period ends on its last day
	 * even when that day is a day off. The counting rule that moves a period's end to the next working day (RULES.md §1)
	 * spares whoever must act within it; moving this end would let the body hold the party's property longer than the
	 * decision handed to him says. Ending on the day itself keeps within the statute under either reading.
	 */
	default boolean limitOnTheBody() {
		return false;
	}

	/** A window of the party's rights (陈述申辩, 听证申请): when it runs out the right has lapsed — nobody missed a deadline. */
	default boolean partyWindow() {
		return false;
	}
}

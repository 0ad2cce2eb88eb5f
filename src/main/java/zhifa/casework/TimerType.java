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

	/** A window of the party's rights (陈述申辩, 听证申请): when it runs out the right has lapsed — nobody missed a deadline. */
	default boolean partyWindow() {
		return false;
	}
}

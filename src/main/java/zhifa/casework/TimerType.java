package zhifa.casework;

import zhifa.shared.DeadlineUnit;

/**
 * A kind of case timer: its code (stored with the timer; unique across the platform), what it is, its unit, its default
 * length and its legal source. Kinds and attachable modules declare theirs as enums implementing this.
 */
public interface TimerType {

	String name();

	String label();

	DeadlineUnit unit();

	int defaultAmount();

	String source();

	/** A window of the party's rights (陈述申辩, 听证申请): when it runs out the right has lapsed — nobody missed a deadline. */
	default boolean partyWindow() {
		return false;
	}
}

package zhifa.shared;

/**
 * A change refused because of the state the thing is in — an archived case, a copy someone else changed meanwhile:
 * 409 with the reason in Chinese; nothing is written.
 */
public class Conflict extends BusinessRuleViolation {

	public Conflict(String message) {
		super(message);
	}
}

package zhifa.shared;

import java.util.Map;

/**
 * A request that the rules refuse. The message is Chinese and shown to the user as it is; the optional field
 * errors name the offending inputs. Thrown before anything is written, or inside the transaction that it rolls back.
 */
public class BusinessRuleViolation extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public BusinessRuleViolation(String detail) {
		this(detail, Map.of());
	}

	public BusinessRuleViolation(String detail, Map<String, String> fieldErrors) {
		super(detail);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public static BusinessRuleViolation onField(String field, String detail) {
		return new BusinessRuleViolation(detail, Map.of(field, detail));
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}
}

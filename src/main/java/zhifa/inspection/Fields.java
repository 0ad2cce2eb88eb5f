package zhifa.inspection;

import java.util.Map;

import zhifa.shared.web.RequestLimits;

/** The checks every inspection form applies to a text field, each wrong field named in Chinese. */
public final class Fields {

	private Fields() {
	}

	/** A required text of at most {@code max} characters without control characters. */
	public static void text(Map<String, String> errors, String field, String label, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.put(field, "请填写" + label);
		}
		else {
			optional(errors, field, label, value, max);
		}
	}

	/** The same for a text that may be left empty. */
	public static void optional(Map<String, String> errors, String field, String label, String value, int max) {
		if (value == null || value.isBlank()) {
			return;
		}
		if (value.strip().length() > max) {
			errors.put(field, label + "不超过" + max + "个字");
		}
		else if (RequestLimits.hasControlCharacters(value)) {
			errors.put(field, label + "含有不允许的控制字符");
		}
	}

	public static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}

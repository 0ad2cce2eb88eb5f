package zhifa.inspection.objects;

import java.util.Arrays;
import java.util.Optional;

/** What an inspected object is. */
public enum ObjectKind {

	ENTERPRISE("企业"), INDIVIDUAL_BUSINESS("个体工商户"), OTHER("其他组织");

	private final String label;

	ObjectKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<ObjectKind> read(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = text.strip();
		return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(t) || k.label.equals(t)).findFirst();
	}
}

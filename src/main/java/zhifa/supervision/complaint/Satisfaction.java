package zhifa.supervision.complaint;

/** 回访满意度: what the complainant said of the reply (asked by the 12345 system or by the supervisor). */
public enum Satisfaction {
	SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), UNSATISFIED("不满意");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

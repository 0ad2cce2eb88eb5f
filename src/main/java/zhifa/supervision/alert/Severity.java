package zhifa.supervision.alert;

/** 预警等级: how serious the breach a rule finds is. */
public enum Severity {
	HIGH("严重"), MEDIUM("较重"), LOW("一般");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

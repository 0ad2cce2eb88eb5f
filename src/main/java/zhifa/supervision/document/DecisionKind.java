package zhifa.supervision.document;

/** 行政执法监督决定 recorded on a document (《行政执法监督条例》). */
public enum DecisionKind {
	ORDER_CORRECTION("责令改正"), REVOKE_SUGGESTION("撤销建议"), CHANGE_SUGGESTION("变更建议");

	private final String label;

	DecisionKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

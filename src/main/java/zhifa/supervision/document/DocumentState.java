package zhifa.supervision.document;

/** Where a supervision document stands: waiting for the body's reply, waiting for the supervisor, returned, or done. */
public enum DocumentState {
	ISSUED("已发出，待单位答复"), REPLIED("单位已答复，待监督机构审核"), RETURNED("答复被退回，待单位重新答复"), ACCEPTED("答复已采纳，办结");

	private final String label;

	DocumentState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The body must (still or again) reply. */
	public boolean awaitingReply() {
		return this == ISSUED || this == RETURNED;
	}
}

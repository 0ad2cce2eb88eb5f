package zhifa.supervision.complaint;

/** Where a complaint stands: 待分办 → 办理中 → 已答复 → 已办结; a re-opened one (重办) goes back to 办理中. */
public enum ComplaintStatus {
	RECEIVED("待分办"), ASSIGNED("办理中"), REPLIED("已答复"), CLOSED("已办结");

	private final String label;

	ComplaintStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

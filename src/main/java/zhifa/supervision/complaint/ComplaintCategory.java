package zhifa.supervision.complaint;

/** 投诉 (the complainant's own rights) or 举报 (a wrong he reports). */
public enum ComplaintCategory {
	COMPLAINT("投诉"), REPORT("举报");

	private final String label;

	ComplaintCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

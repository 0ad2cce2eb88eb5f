package zhifa.supervision.complaint;

/** How a complaint came in: registered by the supervisor (来信来访、电话), on the public page, or as a 12345 work order. */
public enum ComplaintChannel {
	FORM("登记"), PUBLIC("网上投诉"), HOTLINE("12345热线");

	private final String label;

	ComplaintChannel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

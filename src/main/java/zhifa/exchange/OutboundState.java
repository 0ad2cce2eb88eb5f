package zhifa.exchange;

/** Where an element's delivery stands. */
public enum OutboundState {

	PENDING("待推送"), DELIVERED("已推送"), REJECTED("被拒绝"), FAILED("推送失败"), SUPERSEDED("已由新版本取代");

	private final String label;

	OutboundState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** On the dead-letter list: the receiver refused it, or every attempt failed. */
	public boolean dead() {
		return this == REJECTED || this == FAILED;
	}

	/** The state named in a request; {@code null} when none is named; a Chinese 400 for an unknown one. */
	public static OutboundState parse(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return valueOf(s.strip());
		}
		catch (IllegalArgumentException e) {
			throw zhifa.shared.BusinessRuleViolation.onField("state", "没有推送状态“" + (s.length() > 20 ? s.substring(0, 20) + "…" : s)
					+ "”，可用：PENDING、DELIVERED、REJECTED、FAILED、SUPERSEDED");
		}
	}
}

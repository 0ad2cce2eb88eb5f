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
}

package zhifa.supervision.complaint;

import java.util.List;

/**
 * How a complaint came in: by letter, in person or by telephone, registered by the supervisor (来信、来访、来电; before the
 * way was recorded, 登记 alone), on the public page, or as a 12345 work order.
 */
public enum ComplaintChannel {
	FORM("登记"), LETTER("来信"), VISIT("来访"), PHONE("来电"), PUBLIC("网上投诉"), HOTLINE("12345热线");

	private final String label;

	ComplaintChannel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Taken in by a supervisor, on the registration form or its API. */
	public boolean registered() {
		return this == FORM || this == LETTER || this == VISIT || this == PHONE;
	}

	/** The ways a supervisor chooses when registering one now. */
	public static List<ComplaintChannel> registrable() {
		return List.of(LETTER, VISIT, PHONE);
	}
}

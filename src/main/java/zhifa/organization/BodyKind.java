package zhifa.organization;

/** 执法主体类别. */
public enum BodyKind {
	/** 行政机关. */
	ADMINISTRATIVE_ORGAN("行政机关"),
	/** 法律法规授权组织. */
	AUTHORIZED_ORGANIZATION("法律法规授权组织"),
	/** 受委托组织 (行政处罚法第二十条、第二十一条): acts in the entrusting organ's name, cannot entrust further. */
	ENTRUSTED_ORGANIZATION("受委托组织");

	private final String label;

	BodyKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static BodyKind fromLabel(String text) {
		for (BodyKind k : values()) {
			if (k.label.equals(text) || k.name().equalsIgnoreCase(text)) {
				return k;
			}
		}
		return null;
	}
}

package zhifa.casework;

/** 当事人的类型: a natural person (identified by the ID number) or an organisation (by the USCC). */
public enum PartyType {
	NATURAL_PERSON("自然人"), ORGANIZATION("法人或者其他组织");

	private final String label;

	PartyType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

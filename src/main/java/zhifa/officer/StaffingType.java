package zhifa.officer;

/** 人员性质. Auxiliary staff can never hold a certificate or be assigned to enforcement (国办发〔2024〕54号). */
public enum StaffingType {
	ESTABLISHED("在编"), CONTRACT("聘用"), AUXILIARY("辅助人员");

	private final String label;

	StaffingType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static StaffingType fromLabel(String text) {
		for (StaffingType t : values()) {
			if (t.label.equals(text) || t.name().equalsIgnoreCase(text)) {
				return t;
			}
		}
		return null;
	}
}

package zhifa.catalog;

/** 法律文件层级. */
public enum LegalDocumentKind {
	LAW("法律"), ADMINISTRATIVE_REGULATION("行政法规"), LOCAL_REGULATION("地方性法规"), DEPARTMENT_RULE("部门规章"),
	LOCAL_GOVERNMENT_RULE("地方政府规章"), NORMATIVE_DOCUMENT("规范性文件");

	private final String label;

	LegalDocumentKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

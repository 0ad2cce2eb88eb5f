package zhifa.casework;

/** 行政处罚法第四十六条 (and 行政诉讼法第三十三条 in the same words): the eight kinds of evidence. */
public enum EvidenceType {
	DOCUMENTARY("书证"), PHYSICAL("物证"), AUDIOVISUAL("视听资料"), ELECTRONIC("电子数据"), WITNESS("证人证言"), PARTY_STATEMENT("当事人的陈述"),
	EXPERT_OPINION("鉴定意见"), SITE_RECORD("勘验笔录、现场笔录");

	private final String label;

	EvidenceType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

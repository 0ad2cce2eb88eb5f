package zhifa.officer;

/** 人员状态. Leaving 在岗 takes the certificate back (RULES.md §3, 方案任务4). */
public enum OfficerStatus {
	ON_DUTY("在岗"), TRANSFERRED("调离"), RETIRED("退休"), REASSIGNED("转岗"), RESIGNED("辞职"), DISMISSED("辞退/开除"),
	CRIMINAL("被追究刑事责任");

	private final String label;

	OfficerStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

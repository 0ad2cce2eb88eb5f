package zhifa.penalty;

/** 案源 (市场监督管理行政处罚程序规定第十七条 and the 12345 hotline). */
public enum ClueSource {
	INSPECTION("检查发现"), COMPLAINT("投诉举报"), HOTLINE("12345热线"), REFERRAL("其他机关移送"), ASSIGNED("上级交办"), MONITORING("非现场监测"),
	OTHER("其他");

	private final String label;

	ClueSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

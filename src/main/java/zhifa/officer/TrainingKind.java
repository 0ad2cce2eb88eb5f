package zhifa.officer;

/** 培训形式, including 模拟训练 and 比武练兵 (方案任务3). */
public enum TrainingKind {
	LECTURE("集中授课"), ONLINE("网络课程"), DRILL("模拟训练"), COMPETITION("比武练兵");

	private final String label;

	TrainingKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

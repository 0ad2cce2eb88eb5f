package zhifa.shared;

/** The unit in which a legal period is counted (RULES.md §1). */
public enum DeadlineUnit {
	/** 工作日: the law's 二日、三日、五日、七日 (行政处罚法第八十五条). */
	WORKING_DAYS("工作日"),
	/** 日 (自然日): extended to the next working day when the last day is a day off. */
	CALENDAR_DAYS("日"),
	/** 月: extended to the next working day when the last day is a day off. */
	MONTHS("个月"),
	/** 小时: counted from the next full hour, never extended. */
	HOURS("小时");

	private final String label;

	DeadlineUnit(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

package zhifa.shared;

/** What kind of day a date is in the working-day calendar. */
public enum DayType {
	/** 工作日 (Mon–Fri, not a holiday). */
	WORKDAY("工作日", true),
	/** 调休上班: a weekend day declared a working day. */
	ADJUSTED_WORKDAY("调休上班", true),
	/** 周末休息日. */
	WEEKEND("休息日", false),
	/** 法定节假日 (including weekends inside a holiday). */
	HOLIDAY("法定节假日", false);

	private final String label;
	private final boolean working;

	DayType(String label, boolean working) {
		this.label = label;
		this.working = working;
	}

	public String label() {
		return label;
	}

	public boolean working() {
		return working;
	}
}

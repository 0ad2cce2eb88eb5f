package zhifa.inspection.visits;

import zhifa.casework.Stage;

/** The stages of an inspection case. */
public enum VisitStage {
	PLANNED("待检查", true, "实施检查，逐项记录检查结果"), CHECKED("已检查，待公示结果", true, "20个工作日内公示检查结果"), PUBLISHED("结果已公示", false, "");

	private final String label;
	private final boolean open;
	private final String todo;

	VisitStage(String label, boolean open, String todo) {
		this.label = label;
		this.open = open;
		this.todo = todo;
	}

	public String label() {
		return label;
	}

	Stage stage() {
		return new Stage(name(), label, open, todo);
	}
}

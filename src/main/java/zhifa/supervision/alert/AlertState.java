package zhifa.supervision.alert;

import java.util.Set;

/**
 * 预警状态: 新预警 → 已督办 (a supervision document was issued) → 单位已说明 / 已整改 → 核实关闭, or 误报 with a reason at
 * any open step; 条件消除 when the rule no longer finds its condition (the late step was done, the data corrected) — the
 * alert opens again as 新预警 if the condition comes back.
 */
public enum AlertState {
	NEW("新预警"), SUPERVISED("已督办"), EXPLAINED("单位已说明，待审核"), RECTIFIED("单位报已整改，待审核"), VERIFIED_CLOSED("核实关闭"), FALSE_ALARM("误报"),
	CONDITION_ENDED("条件消除，自动关闭");

	private final String label;

	AlertState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Still waiting for someone (the supervisor or the body). */
	public boolean open() {
		return !Set.of(VERIFIED_CLOSED, FALSE_ALARM, CONDITION_ENDED).contains(this);
	}

	/** Closed by a person (核实关闭, 误报): the rule does not open it again. */
	public boolean closedByPerson() {
		return this == VERIFIED_CLOSED || this == FALSE_ALARM;
	}
}

package zhifa.casework;

import java.time.LocalDate;

import zhifa.shared.DeadlineUnit;

/** One timer of a case as shown: what, unit, legal source, start, due and state (运行中, 暂停, 已完成, 已超期). */
public record CaseTimer(long id, TimerType kind, String label, DeadlineUnit unit, int amount, String legalSource, LocalDate start, LocalDate due,
		boolean provisional, State state, LocalDate closedOn, int extended) {

	public enum State {
		RUNNING("进行中"), PAUSED("暂停"), MET("按期完成"), MISSED("已超期"), CANCELLED("不再适用");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** A running timer past its due day is missed even before the nightly job marks it (a party's window has simply elapsed). */
	public State stateOn(LocalDate today) {
		if (state == State.RUNNING && today.isAfter(due)) {
			return kind.partyWindow() ? State.MET : State.MISSED;
		}
		return state;
	}
}

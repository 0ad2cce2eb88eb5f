package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;

/**
 * What a rule may know besides the act: today, the one deadline computation (the official calendar), the configured
 * thresholds, the party's other acts in the ledger (for 以罚代管), and the bodies' territorial jurisdiction (for
 * 违规异地执法), and the act's 行刑衔接 referrals (for 以罚代刑 and the referral periods).
 */
public record RuleContext(LocalDate today, Function<Deadline, Deadline.Due> calendar, AlertSettings settings, Supplier<List<ActReport>> history,
		Jurisdiction jurisdiction, List<zhifa.supervision.Referral> referrals) {

	/** Whether a place lies within a body's territorial jurisdiction (its region and the regions below). */
	@FunctionalInterface
	public interface Jurisdiction {

		/** The body's region name when the place lies outside it; empty when inside or unknown. */
		java.util.Optional<String> outside(long bodyId, long placeRegionId);

		Jurisdiction UNKNOWN = (b, p) -> java.util.Optional.empty();
	}

	/** The party's history is read once, and only when a rule asks for it (most acts — a clue, an undecided case — never do). */
	public RuleContext {
		Supplier<List<ActReport>> source = history == null ? List::of : history;
		List<List<ActReport>> read = new java.util.ArrayList<>(1);
		history = () -> {
			if (read.isEmpty()) {
				List<ActReport> h = source.get();
				read.add(h == null ? List.of() : List.copyOf(h));
			}
			return read.get(0);
		};
		jurisdiction = jurisdiction == null ? Jurisdiction.UNKNOWN : jurisdiction;
		referrals = referrals == null ? List.of() : List.copyOf(referrals);
	}

	public RuleContext(LocalDate today, Function<Deadline, Deadline.Due> calendar, AlertSettings settings, List<ActReport> partyHistory,
			Jurisdiction jurisdiction, List<zhifa.supervision.Referral> referrals) {
		this(today, calendar, settings, () -> partyHistory, jurisdiction, referrals);
	}

	public RuleContext(LocalDate today, Function<Deadline, Deadline.Due> calendar, AlertSettings settings, List<ActReport> partyHistory,
			Jurisdiction jurisdiction) {
		this(today, calendar, settings, partyHistory, jurisdiction, List.of());
	}

	public RuleContext(LocalDate today, Function<Deadline, Deadline.Due> calendar, AlertSettings settings, List<ActReport> partyHistory) {
		this(today, calendar, settings, partyHistory, Jurisdiction.UNKNOWN);
	}

	/** The party's other acts in the ledger (for 以罚代管 and repeated visits). */
	public List<ActReport> partyHistory() {
		return history.get();
	}

	/** The last day of a period, from the platform's deadline engine. */
	public Deadline.Due due(LocalDate start, int amount, DeadlineUnit unit, String source) {
		return calendar.apply(Deadline.of(start, amount, unit, source));
	}

	/** "2026-03-02" with "（暂按周末推算）" when the calendar of that year is not known yet. */
	public static String show(Deadline.Due due) {
		return due.date() + (due.provisional() ? "（该年度节假日未录入，暂按周末推算）" : "");
	}
}

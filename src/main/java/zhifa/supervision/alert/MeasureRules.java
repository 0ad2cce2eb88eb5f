package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import zhifa.shared.Deadline;
import zhifa.supervision.ActReport;

/** The periods of 先行登记保存 and of 查封、扣押, each measure on its own (an act may hold several). */
final class MeasureRules {

	private MeasureRules() {
	}

	/**
	 * A measure past its period: ended late, or still on after it. {@code limitOnTheBody}: a calendar-day period that ends
	 * on its last day even when that is a day off (查封、扣押 不得超过三十日, as the case side counts it: CoercionTimer).
	 */
	static List<Finding> late(ActReport a, RuleContext c, List<String> kinds, String what, boolean limitOnTheBody,
			java.util.function.Function<ActReport.Measure, Deadline> period) {
		List<Finding> found = new ArrayList<>();
		for (ActReport.Measure m : a.details().measures()) {
			if (!kinds.contains(m.kind()) || m.appliedOn() == null) {
				continue;
			}
			Deadline d = period.apply(m);
			Deadline.Due due = limitOnTheBody ? new Deadline.Due(d.start().toLocalDate().plusDays(d.amount()), null, false) : c.calendar().apply(d);
			LocalDate ended = m.endedOn();
			String basis = what + "于 " + m.appliedOn() + " 实施，应于 " + RuleContext.show(due) + " 前作出处理决定或解除";
			if (ended != null && ended.isAfter(due.date())) {
				found.add(new Finding(m.kind() + ":" + m.appliedOn(), basis + "，实际于 " + ended + " 才处理；依据" + d.legalSource() + "。"));
			}
			else if (ended == null && c.today().isAfter(due.date())) {
				found.add(new Finding(m.kind() + ":" + m.appliedOn(), basis + "，至 " + c.today() + " 仍未处理；依据" + d.legalSource() + "。"));
			}
		}
		return found;
	}
}

package zhifa.supervision.referral;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/** The 负责人's home page: referrals waiting for his decision or still open in his body, late ones marked. */
@Component
class ReferralTodos implements TodoSource {

	private final Referrals referrals;
	private final ReferralPeriods periods;

	ReferralTodos(Referrals referrals, ReferralPeriods periods) {
		this.referrals = referrals;
		this.periods = periods;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		if (me.bodyId() == null || !TodoSource.holds(me, "LEADER")) {
			return List.of();
		}
		var open = referrals.list(me, true).stream().filter(r -> r.bodyId() == me.bodyId()).toList();
		if (open.isEmpty()) {
			return List.of();
		}
		return List.of(new Todo("LEADER", 12, "移送（行刑衔接、纪检监察）", open.size(), "/referrals", open.stream()
			.map(r -> new Todo.Item(r.caseNumber(), r.status().label(), "/referrals/" + r.id(), periods.of(r).stream().anyMatch(t -> t.late() && t.done() == null)))
			.toList()));
	}
}

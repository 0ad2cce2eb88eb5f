package zhifa.supervision.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.calendar.CalendarService;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.Referral;

/**
 * A 行刑衔接 referral's periods as its page and the body's to-do list show them — 负责人决定 3日, 移送 24小时, 公安机关答复
 * 3日, 提请复议 3日, 复议决定 3日, 移交涉案物品 3日 (国务院令第310号) — counted by the one calendar, the same periods as the
 * alert rule {@code REFERRAL_PERIOD}.
 */
@Component
public class ReferralPeriods {

	/** A period of the procedure as the page shows it: what, by when, done when, late or not. */
	public record Timer(String what, String due, String done, boolean late) {
	}

	private final CalendarService calendar;
	private final Clock clock;

	ReferralPeriods(CalendarService calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The procedure's timers as the page shows them (the same periods as the alert rule). */
	public List<Timer> of(Referrals.Item r) {
		List<Timer> out = new ArrayList<>();
		if (!r.criminal() || r.reportedAt() == null) {
			return out;
		}
		java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
		LocalDate reported = r.reportedAt().atZone(zone).toLocalDate();
		LocalDate decide = calendar.due(Deadline.of(reported, 3, DeadlineUnit.CALENDAR_DAYS, Referrals.SOURCE + "第五条")).date();
		LocalDate decided = r.decidedAt() == null ? null : r.decidedAt().atZone(zone).toLocalDate();
		out.add(timer("负责人决定（3日）", decide.toString(), decided, decide));
		if (Referral.TRANSFER.equals(r.decision())) {
			var due = calendar.due(Deadline.ofHours(java.time.LocalDateTime.ofInstant(r.decidedAt(), zone), 24, Referrals.SOURCE + "第五条")).time();
			var done = r.transferredAt() == null ? null : java.time.LocalDateTime.ofInstant(r.transferredAt(), zone);
			boolean late = done == null ? java.time.LocalDateTime.now(clock).isAfter(due) : done.isAfter(due);
			out.add(new Timer("移送公安机关（24小时）", due.withSecond(0).withNano(0).toString().replace('T', ' '),
					done == null ? null : done.withSecond(0).withNano(0).toString().replace('T', ' '), late));
		}
		if (r.transferredAt() != null) {
			LocalDate sent = r.transferredAt().atZone(zone).toLocalDate();
			LocalDate answer = calendar.due(Deadline.of(sent, 3, DeadlineUnit.CALENDAR_DAYS, Referrals.SOURCE + "第八条")).date();
			out.add(timer("公安机关决定是否立案（3日）", answer.toString(), r.policeAnsweredOn(), answer));
		}
		if (Referral.NOT_FILED.equals(r.policeAnswer()) && r.noticeReceivedOn() != null) {
			LocalDate ask = calendar.due(Deadline.of(r.noticeReceivedOn(), 3, DeadlineUnit.CALENDAR_DAYS, Referrals.SOURCE + "第九条")).date();
			out.add(new Timer("可提请复议（接到通知书后3日内）", ask.toString(), r.reconsiderationOn() == null ? null : r.reconsiderationOn().toString(),
					r.reconsiderationOn() != null && r.reconsiderationOn().isAfter(ask)));
		}
		if (r.reconsiderationOn() != null) {
			LocalDate ruled = calendar.due(Deadline.of(r.reconsiderationOn(), 3, DeadlineUnit.CALENDAR_DAYS, Referrals.SOURCE + "第九条")).date();
			out.add(timer("公安机关复议决定（3日）", ruled.toString(), r.reconsiderationAnsweredOn(), ruled));
		}
		Referral f = r.facts();
		if (Referral.FILED.equals(f.finalAnswer()) && f.finalNoticeReceivedOn() != null) {
			LocalDate hand = calendar.due(Deadline.of(f.finalNoticeReceivedOn(), 3, DeadlineUnit.CALENDAR_DAYS, Referrals.SOURCE + "第十二条")).date();
			out.add(timer("移交涉案物品和材料（接到立案通知书后3日内）", hand.toString(), r.handedOverOn(), hand));
		}
		return out;
	}

	private Timer timer(String what, String due, LocalDate done, LocalDate dueDate) {
		boolean late = done == null ? LocalDate.now(clock).isAfter(dueDate) : done.isAfter(dueDate);
		return new Timer(what, due, done == null ? null : done.toString(), late);
	}

}

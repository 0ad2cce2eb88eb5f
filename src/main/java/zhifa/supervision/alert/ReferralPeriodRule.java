package zhifa.supervision.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;
import zhifa.supervision.Referral;

/**
 * 行刑衔接的期限 (《行政执法机关移送涉嫌犯罪案件的规定》, 国务院令第310号), each a timer counted by the one deadline engine
 * (日 = calendar days, the start day not counted, a last day off moved to the next working day; 24 hours from the
 * approval): the head decides within 3 days of the team's report (第五条); the case goes to the police within 24 hours of
 * the approval (第五条); the police answer within 3 days of receiving it (第八条); a reconsideration is asked within 3
 * days of receiving the refusal, and the police answer it within 3 days (第九条); goods and materials are handed over within 3
 * days of receiving the notice that the police filed the case (第十二条).
 * A step not taken when its day has passed, or taken after it, is found.
 */
final class ReferralPeriodRule implements AlertRule {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final String SOURCE = "《行政执法机关移送涉嫌犯罪案件的规定》";

	public String code() {
		return "REFERRAL_PERIOD";
	}

	public String title() {
		return "涉嫌犯罪案件移送超过期限";
	}

	public String article() {
		return SOURCE + "第五条、第八条、第九条、第十二条";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		List<Finding> out = new ArrayList<>();
		for (Referral r : c.referrals()) {
			String at = "移送" + r.id() + "/";
			LocalDate reported = day(r.reportedAt());
			Deadline.Due decide = c.due(reported, 3, DeadlineUnit.CALENDAR_DAYS, SOURCE + "第五条：负责人自接到报告之日起3日内作出决定");
			check(out, at + "DECISION", c.today(), decide.date(), r.decidedAt() == null ? null : day(r.decidedAt()),
					"专案组于 " + reported + " 报告涉嫌犯罪，负责人应于 " + RuleContext.show(decide) + " 前作出批准或者不批准移送的决定（" + SOURCE + "第五条）");
			if (Referral.TRANSFER.equals(r.decision()) && r.decidedAt() != null) {
				LocalDateTime approved = LocalDateTime.ofInstant(r.decidedAt(), ZONE);
				Deadline.Due transfer = c.calendar().apply(Deadline.ofHours(approved, 24, SOURCE + "第五条：批准移送之时起24小时内移送"));
				LocalDateTime done = r.transferredAt() == null ? null : LocalDateTime.ofInstant(r.transferredAt(), ZONE);
				if (done == null && c.today().isAfter(transfer.time().toLocalDate()) || done != null && done.isAfter(transfer.time())) {
					out.add(new Finding(at + "TRANSFER", "负责人于 " + approved.withSecond(0).withNano(0) + " 批准移送，应于 " + transfer.time().withSecond(0).withNano(0)
							+ " 前向公安机关移送（" + SOURCE + "第五条：24小时内）；" + (done == null ? "至 " + c.today() + " 仍未移送。" : "实际于 " + done.withSecond(0).withNano(0) + " 移送。")));
				}
			}
			if (r.transferredAt() != null) {
				LocalDate sent = day(r.transferredAt());
				Deadline.Due answer = c.due(sent, 3, DeadlineUnit.CALENDAR_DAYS, SOURCE + "第八条：公安机关自接受移送之日起3日内决定是否立案");
				check(out, at + "POLICE", c.today(), answer.date(), r.policeAnsweredOn(), "案件于 " + sent + " 移送公安机关，公安机关应于 " + RuleContext.show(answer)
						+ " 前作出立案或者不予立案的决定（" + SOURCE + "第八条），移送机关应当跟踪督促，必要时提请检察机关监督");
			}
			if (Referral.NOT_FILED.equals(r.policeAnswer()) && r.policeAnsweredOn() != null && r.reconsiderationOn() != null) {
				LocalDate received = r.noticeReceivedOn() == null ? r.policeAnsweredOn() : r.noticeReceivedOn();
				Deadline.Due asked = c.due(received, 3, DeadlineUnit.CALENDAR_DAYS, SOURCE + "第九条：接到不予立案通知书之日起3日内提请复议");
				if (r.reconsiderationOn().isAfter(asked.date())) {
					out.add(new Finding(at + "RECONSIDERATION", "于 " + received + " 接到公安机关不予立案的通知书，提请复议应于 " + RuleContext.show(asked) + " 前提出，实际于 "
							+ r.reconsiderationOn() + " 提出（" + SOURCE + "第九条）。"));
				}
				Deadline.Due ruled = c.due(r.reconsiderationOn(), 3, DeadlineUnit.CALENDAR_DAYS, SOURCE + "第九条：公安机关收到提请复议的文件之日起3日内作出复议决定");
				check(out, at + "RECONSIDERATION_ANSWER", c.today(), ruled.date(), r.reconsiderationAnsweredOn(), "于 " + r.reconsiderationOn()
						+ " 提请复议，公安机关应于 " + RuleContext.show(ruled) + " 前作出复议决定（" + SOURCE + "第九条），移送机关应当跟踪督促，必要时建议检察机关依法进行立案监督");
			}
			if (Referral.FILED.equals(r.finalAnswer()) && r.finalNoticeReceivedOn() != null) {
				Deadline.Due handover = c.due(r.finalNoticeReceivedOn(), 3, DeadlineUnit.CALENDAR_DAYS, SOURCE + "第十二条：接到立案通知书之日起3日内移交涉案物品和材料");
				check(out, at + "HANDOVER", c.today(), handover.date(), r.handedOverOn(), "于 " + r.finalNoticeReceivedOn() + " 接到公安机关的立案通知书，涉案物品和有关材料应于 "
						+ RuleContext.show(handover) + " 前移交（" + SOURCE + "第十二条）");
			}
		}
		return out;
	}

	private static void check(List<Finding> out, String occurrence, LocalDate today, LocalDate due, LocalDate done, String what) {
		if (done == null && today.isAfter(due)) {
			out.add(new Finding(occurrence, what + "；至 " + today + " 仍未办理。"));
		}
		else if (done != null && done.isAfter(due)) {
			out.add(new Finding(occurrence, what + "；实际于 " + done + " 办理，超过期限。"));
		}
	}

	private static LocalDate day(Instant i) {
		return i.atZone(ZONE).toLocalDate();
	}
}

package zhifa.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static zhifa.supervision.alert.Acts.act;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.shared.WorkdayCalendar;
import zhifa.supervision.ActReport;
import zhifa.supervision.Referral;

/**
 * 行刑衔接: every period of 国务院令第310号 is a timer of the one deadline engine (3 日 extended past a weekend, 24 hours
 * from the next full hour), found when overdue or done late; and 以罚代刑 — a penalty on an act whose team reported a
 * crime, or whose amount reached the indicator, is found unless the referral settled the crime question.
 */
class ReferralRulesTest {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	final ReferralPeriodRule rule = new ReferralPeriodRule();

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
	}

	static RuleContext on(LocalDate today, Referral... referrals) {
		WorkdayCalendar calendar = new WorkdayCalendar(Map.of(), List.of());
		return new RuleContext(today, calendar::due, AlertSettings.defaults(), List.of(), null, List.of(referrals));
	}

	static Referral reported(String at) {
		return new Referral(7, at(at), null, null, null, null, null, null, null);
	}

	private List<String> occurrences(ActReport a, RuleContext c) {
		return rule.evaluate(a, c).stream().map(Finding::occurrence).toList();
	}

	@Test
	void theHeadDecidesWithinThreeDaysExtendedPastAWeekend() {
		ActReport a = act().build();
		// reported Wednesday 3 June: the third day is Saturday, so the period ends Monday 8 June
		Referral r = reported("2026-06-03T09:30");
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 8), r))).isEmpty();
		var late = rule.evaluate(a, on(LocalDate.of(2026, 6, 9), r));
		assertThat(late).extracting(Finding::occurrence).containsExactly("移送7/DECISION");
		assertThat(late.get(0).reasoning()).contains("2026-06-08", "至 2026-06-09 仍未办理", "第五条");
		// decided on the last day: in time; decided after: found even once decided
		Referral inTime = new Referral(7, r.reportedAt(), Referral.NOT_TRANSFER, at("2026-06-08T17:00"), null, null, null, null, null);
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 20), inTime))).isEmpty();
		Referral after = new Referral(7, r.reportedAt(), Referral.NOT_TRANSFER, at("2026-06-09T08:00"), null, null, null, null, null);
		assertThat(rule.evaluate(a, on(LocalDate.of(2026, 6, 20), after)).get(0).reasoning()).contains("实际于 2026-06-09 办理，超过期限");
	}

	@Test
	void theTransferFollowsWithinTwentyFourHoursFromTheNextFullHour() {
		ActReport a = act().build();
		Instant approved = at("2026-06-08T15:20");
		Referral inTime = new Referral(7, at("2026-06-08T09:00"), Referral.TRANSFER, approved, at("2026-06-09T15:59"), null, null, null, null);
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 10), inTime))).doesNotContain("移送7/TRANSFER");
		Referral late = new Referral(7, at("2026-06-08T09:00"), Referral.TRANSFER, approved, at("2026-06-09T16:30"), null, null, null, null);
		var found = rule.evaluate(a, on(LocalDate.of(2026, 6, 10), late));
		assertThat(found).extracting(Finding::occurrence).contains("移送7/TRANSFER");
		assertThat(found.stream().filter(f -> f.occurrence().endsWith("TRANSFER")).findFirst().orElseThrow().reasoning()).contains("2026-06-09T16:00");
		// not transferred at all: found the day after
		Referral none = new Referral(7, at("2026-06-08T09:00"), Referral.TRANSFER, approved, null, null, null, null, null);
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 9), none))).doesNotContain("移送7/TRANSFER");
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 10), none))).contains("移送7/TRANSFER");
	}

	@Test
	void thePoliceAnswerTheReconsiderationAndTheHandOverHaveTheirThreeDays() {
		ActReport a = act().build();
		Instant reported = at("2026-06-01T09:00");
		Instant approved = at("2026-06-01T10:00");
		Instant sent = at("2026-06-01T15:00");
		// transferred Monday 1 June: the police answer by Thursday 4 June
		Referral waiting = new Referral(7, reported, Referral.TRANSFER, approved, sent, null, null, null, null);
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 4), waiting))).isEmpty();
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 5), waiting))).containsExactly("移送7/POLICE");
		// not filed on 4 June (Thursday): reconsideration asked by Monday 8 June (the 7th is a Sunday); the police answer it by 11 June
		Referral asked = new Referral(7, reported, Referral.TRANSFER, approved, sent, Referral.NOT_FILED, LocalDate.of(2026, 6, 4), LocalDate.of(2026, 6, 8), null);
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 11), asked))).isEmpty();
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 12), asked))).containsExactly("移送7/RECONSIDERATION_ANSWER");
		Referral askedLate = new Referral(7, reported, Referral.TRANSFER, approved, sent, Referral.NOT_FILED, LocalDate.of(2026, 6, 4), LocalDate.of(2026, 6, 9),
				null);
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 10), askedLate))).containsExactly("移送7/RECONSIDERATION");
		// the notice reached the body only on 8 June: its three days run from then (asked on the 9th is in time)
		Referral receivedLater = new Referral(7, reported, Referral.TRANSFER, approved, sent, Referral.NOT_FILED, LocalDate.of(2026, 6, 4), LocalDate.of(2026, 6, 8),
				LocalDate.of(2026, 6, 9), Referral.FILED, LocalDate.of(2026, 6, 11), LocalDate.of(2026, 6, 12), null);
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 15), receivedLater))).isEmpty();
		// refiled after reconsideration: the hand-over runs from receiving that notice (12 June → 15 June)
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 16), receivedLater))).containsExactly("移送7/HANDOVER");
		assertThat(receivedLater.settlesCrimeQuestion()).isTrue();
		// filed on 4 June: goods and materials handed over by 8 June
		Referral filed = new Referral(7, reported, Referral.TRANSFER, approved, sent, Referral.FILED, LocalDate.of(2026, 6, 4), null, null);
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 8), filed))).isEmpty();
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 9), filed))).containsExactly("移送7/HANDOVER");
		Referral handed = new Referral(7, reported, Referral.TRANSFER, approved, sent, Referral.FILED, LocalDate.of(2026, 6, 4), null, LocalDate.of(2026, 6, 8));
		assertThat(occurrences(a, on(LocalDate.of(2026, 6, 30), handed))).isEmpty();
	}

	@Test
	void aPenaltyInsteadOfTheTransferIsFoundUnlessTheReferralSettledTheCrimeQuestion() {
		CrimeIndicatorRule crime = new CrimeIndicatorRule();
		ActReport decided = act().build();
		LocalDate today = LocalDate.of(2026, 6, 30);
		// no indicator, no referral: nothing
		assertThat(crime.evaluate(decided, on(today))).isEmpty();
		// the team reported a crime and the body went on to a penalty: 以罚代刑
		Referral open = reported("2026-04-01T09:00");
		assertThat(crime.evaluate(decided, on(today, open))).singleElement().satisfies(f -> assertThat(f.reasoning()).contains("专案组已于 2026-04-01 报告涉嫌犯罪"));
		// a written decision not to transfer, a transfer, or the police not filing: the question is settled
		assertThat(crime.evaluate(decided, on(today, new Referral(7, open.reportedAt(), Referral.NOT_TRANSFER, at("2026-04-02T09:00"), null, null, null, null, null))))
			.isEmpty();
		assertThat(crime.evaluate(decided, on(today, new Referral(7, open.reportedAt(), Referral.TRANSFER, at("2026-04-02T09:00"), at("2026-04-02T10:00"), null, null,
				null, null)))).isEmpty();
		// approved but never transferred: still found
		assertThat(crime.evaluate(decided, on(today, new Referral(7, open.reportedAt(), Referral.TRANSFER, at("2026-04-02T09:00"), null, null, null, null, null))))
			.hasSize(1);
	}

	@Test
	void aCaseEndedAsATransferWithNoTransferOnRecordIsFoundTheDayAfterNext() {
		TransferMissingRule missing = new TransferMissingRule();
		// closed at triage on Thursday 4 June as 移送司法机关: the transfer is due within 24 hours, by Friday
		Acts triage = act();
		triage.stage = "TRANSFERRED";
		triage.filedOn = null;
		triage.decidedOn = null;
		triage.outcome = null;
		triage.closedOn = LocalDate.of(2026, 6, 4);
		assertThat(missing.evaluate(triage.build(), on(LocalDate.of(2026, 6, 5)))).isEmpty();
		assertThat(missing.evaluate(triage.build(), on(LocalDate.of(2026, 6, 6)))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("2026-06-04", "不予立案", "没有向公安机关移送的记录", "2026-06-05", "第五条"));
		// a referral under way is the period rule's; a transfer on record ends it; a head's refusal contradicts the stage
		assertThat(missing.evaluate(triage.build(), on(LocalDate.of(2026, 6, 9), reported("2026-06-04T10:00")))).isEmpty();
		assertThat(missing.evaluate(triage.build(), on(LocalDate.of(2026, 6, 9), new Referral(7, at("2026-06-04T10:00"), Referral.TRANSFER,
				at("2026-06-04T11:00"), at("2026-06-04T15:00"), null, null, null, null)))).isEmpty();
		assertThat(missing.evaluate(triage.build(), on(LocalDate.of(2026, 6, 9), new Referral(7, at("2026-06-04T10:00"), Referral.NOT_TRANSFER,
				at("2026-06-04T11:00"), null, null, null, null, null)))).singleElement().satisfies(f -> assertThat(f.reasoning()).contains("相互矛盾"));
		// decided 涉嫌犯罪移送 after filing: counted from the decision
		Acts decided = act();
		decided.outcome = "JUDICIAL";
		decided.fine = null;
		assertThat(missing.evaluate(decided.build(), on(decided.decidedOn.plusDays(1)))).isEmpty();
		assertThat(missing.evaluate(decided.build(), on(decided.decidedOn.plusDays(2)))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("作出决定"));
		// a penalty, or a transfer whose day the source did not give, is not judged
		assertThat(missing.evaluate(act().build(), on(LocalDate.of(2026, 12, 1)))).isEmpty();
		triage.closedOn = null;
		assertThat(missing.evaluate(triage.build(), on(LocalDate.of(2026, 12, 1)))).isEmpty();
	}

	@Test
	void theCriminalProceedingsAreOpenFromTheTransferUntilThePoliceRefuseForGoodOrTheBodyClosesTheReferral() {
		var reported = reported("2026-06-04T10:00");
		assertThat(reported.criminalProceedingsOpen()).isFalse();
		Referral sent = new Referral(7, reported.reportedAt(), Referral.TRANSFER, at("2026-06-04T11:00"), at("2026-06-04T15:00"), null, null, null, null);
		assertThat(sent.criminalProceedingsOpen()).isTrue();
		LocalDate d = LocalDate.of(2026, 6, 8);
		Referral refused = new Referral(7, reported.reportedAt(), Referral.TRANSFER, at("2026-06-04T11:00"), at("2026-06-04T15:00"), Referral.NOT_FILED, d, d, null,
				null, null, null, null);
		assertThat(refused.criminalProceedingsOpen()).isFalse();
		// a reconsideration asked and not yet answered: still open
		Referral reconsidering = new Referral(7, reported.reportedAt(), Referral.TRANSFER, at("2026-06-04T11:00"), at("2026-06-04T15:00"), Referral.NOT_FILED, d, d,
				d.plusDays(1), null, null, null, null);
		assertThat(reconsidering.criminalProceedingsOpen()).isTrue();
		Referral filed = new Referral(7, reported.reportedAt(), Referral.TRANSFER, at("2026-06-04T11:00"), at("2026-06-04T15:00"), Referral.FILED, d, d, null,
				null, null, null, d.plusDays(2));
		assertThat(filed.criminalProceedingsOpen()).isTrue();
		Referral closed = new Referral(7, reported.reportedAt(), Referral.TRANSFER, at("2026-06-04T11:00"), at("2026-06-04T15:00"), Referral.FILED, d, d, null,
				null, null, null, d.plusDays(2), true);
		assertThat(closed.criminalProceedingsOpen()).isFalse();
	}
}

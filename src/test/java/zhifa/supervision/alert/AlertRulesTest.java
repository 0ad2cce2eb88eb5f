package zhifa.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static zhifa.supervision.alert.Acts.TODAY;
import static zhifa.supervision.alert.Acts.act;
import static zhifa.supervision.alert.Acts.on;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import zhifa.supervision.ActReport;

/** Each alert rule: a hit with its article in the reasoning, and a miss. */
class AlertRulesTest {

	private static List<Finding> run(AlertRule rule, Acts a) {
		return rule.evaluate(a.build(), on(TODAY));
	}

	private static void hits(AlertRule rule, Acts a, String... words) {
		List<Finding> found = run(rule, a);
		assertThat(found).as(rule.code()).hasSize(1);
		assertThat(found.get(0).reasoning()).contains(words);
	}

	private static void misses(AlertRule rule, Acts a) {
		assertThat(run(rule, a)).as(rule.code()).isEmpty();
	}

	@Test
	void aLawfulActRaisesNothing() {
		for (AlertRule rule : AlertRules.all()) {
			misses(rule, act());
		}
	}

	@Test
	void singleOrUncertifiedOfficerIsFound() {
		Acts single = act();
		single.certificates = List.of("C-1");
		single.valid = 1;
		hits(new OfficerCountRule(), single, "仅 1 个", "行政处罚法》第四十二条");
		Acts none = act();
		none.certificates = List.of();
		none.valid = 0;
		hits(new OfficerCountRule(), none, "无持证人员");
		Acts clue = act();
		clue.filedOn = null;
		clue.decidedOn = null;
		clue.certificates = List.of();
		misses(new OfficerCountRule(), clue);
	}

	@Test
	void aCertificateLapsedOnTheActDateIsFound() {
		Acts a = act();
		a.valid = 1;
		hits(new LapsedCertificateRule(), a, "有效的仅 1 个", "第四十二条");
		misses(new LapsedCertificateRule(), act());
	}

	@Test
	void filingAfterTheTriagePeriodIsFound() {
		Acts late = act();
		late.receivedOn = LocalDate.of(2026, 3, 2);
		late.filedOn = LocalDate.of(2026, 3, 24); // 15 working days end on Mon 2026-03-23
		hits(new LateFilingRule(), late, "2026-03-23", "第五十四条");
		Acts onTime = act();
		onTime.filedOn = LocalDate.of(2026, 3, 23);
		misses(new LateFilingRule(), onTime);
	}

	@Test
	void aClueLeftWithoutFilingDecisionIsFound() {
		Acts clue = act();
		clue.stage = "CLUE";
		clue.filedOn = null;
		clue.decidedOn = null;
		clue.receivedOn = LocalDate.of(2026, 5, 1);
		hits(new UnfiledClueRule(), clue, "有案不立", "仍未作出");
		clue.receivedOn = LocalDate.of(2026, 5, 20);
		misses(new UnfiledClueRule(), clue);
		Acts declined = act();
		declined.stage = "NOT_FILED";
		declined.filedOn = null;
		declined.decidedOn = null;
		declined.receivedOn = LocalDate.of(2026, 1, 5);
		misses(new UnfiledClueRule(), declined);
	}

	@Test
	void aDecisionWithoutNoticeOrInsideTheWindowIsFound() {
		Acts noNotice = act();
		noNotice.noticeServedOn = null;
		hits(new DecisionWithoutNoticeRule(), noNotice, "未记载行政处罚事先告知书的送达", "第六十二条");
		Acts early = act();
		early.decidedOn = LocalDate.of(2026, 4, 7);
		hits(new DecisionWithoutNoticeRule(), early, "陈述申辩期限至 2026-04-08", "第四十五条");
		Acts hearingNotHeld = act();
		hearingNotHeld.hearingRequested = true;
		hits(new DecisionWithoutNoticeRule(), hearingNotHeld, "申请了听证");
		misses(new DecisionWithoutNoticeRule(), act());
		Acts notPenalised = act();
		notPenalised.outcome = "NO_PENALTY";
		notPenalised.noticeServedOn = null;
		misses(new DecisionWithoutNoticeRule(), notPenalised);
	}

	@Test
	void aLargeFineWithoutHearingRightIsFound() {
		Acts large = act();
		large.hearingRight = false;
		large.fine = 10_000_000L;
		hits(new HearingRightRule(), large, "100,000.00元", "第六十三条");
		Acts person = act();
		person.matterCode = "SJ-001"; // the general 较大数额 (a 公安 matter, GA-, has its own: MoreAlertRulesTest)
		person.partyKind = "NATURAL_PERSON";
		person.hearingRight = false;
		person.fine = 1_000_000L;
		hits(new HearingRightRule(), person, "公民较大数额标准 10,000.00元");
		Acts small = act();
		small.hearingRight = false;
		small.fine = 9_999_999L;
		misses(new HearingRightRule(), small);
		Acts given = act();
		given.fine = 20_000_000L;
		misses(new HearingRightRule(), given);
	}

	@Test
	void aMajorCaseDecidedWithoutLegalReviewIsFound() {
		Acts a = act();
		a.legalReviewPassed = false;
		hits(new LegalReviewRule(), a, "第五十八条");
		Acts notRequired = act();
		notRequired.legalReviewRequired = false;
		notRequired.legalReviewPassed = false;
		misses(new LegalReviewRule(), notRequired);
	}

	@Test
	void theNinetyDayPeriodOverrunIsFoundWhetherPendingOrDoneLate() {
		Acts pending = act();
		pending.filedOn = LocalDate.of(2026, 1, 5);
		pending.decidedOn = null;
		pending.stage = "FILED";
		hits(new DecisionPeriodRule(), pending, "仍未作出", "第六十条");
		Acts late = act();
		late.filedOn = LocalDate.of(2026, 1, 5);
		hits(new DecisionPeriodRule(), late, "实际于 2026-04-20 作出");
		misses(new DecisionPeriodRule(), act());
	}

	@Test
	void serviceLaterThanSevenWorkingDaysIsFound() {
		Acts late = act();
		late.decisionServedOn = LocalDate.of(2026, 5, 4); // decided Mon 04-20, 7 working days end Wed 04-29
		hits(new DecisionServiceRule(), late, "2026-04-29", "第六十一条");
		Acts unserved = act();
		unserved.decisionServedOn = null;
		hits(new DecisionServiceRule(), unserved, "仍未记载送达");
		Acts inTime = act();
		inTime.decisionServedOn = LocalDate.of(2026, 4, 29);
		misses(new DecisionServiceRule(), inTime);
	}

	@Test
	void aViolationDiscoveredAfterTheLimitationIsFound() {
		Acts old = act();
		old.actDate = LocalDate.of(2023, 3, 1);
		hits(new LimitationRule(), old, "2 年追责时效", "第三十六条");
		Acts withinFive = act();
		withinFive.actDate = LocalDate.of(2023, 3, 1);
		withinFive.matterCode = "SP-001";
		RuleContext five = new RuleContext(TODAY, Acts.on(TODAY).calendar(),
				new AlertSettings(15, 1_000_000L, 10_000_000L, 3, 12, List.of("SP-"), 10, "《行政执法监督条例》"), List.of());
		assertThat(new LimitationRule().evaluate(withinFive.build(), five)).isEmpty();
		misses(new LimitationRule(), act());
	}

	@Test
	void aFineUnpaidPastItsDueDateIsFoundUntilPaid() {
		Acts unpaid = act();
		unpaid.paid = 100_000L;
		hits(new UnpaidRule(), unpaid, "尚欠 4,000.00元", "第六十七条", "台账未记载催告");
		misses(new UnpaidRule(), act());
		Acts notYetDue = act();
		notYetDue.paid = 0;
		assertThat(new UnpaidRule().evaluate(notYetDue.build(), on(LocalDate.of(2026, 5, 7)))).isEmpty();
	}

	/**
	 * 没收违法所得 is owed as money with the fine: unpaid past the fifteen days it is found too; with the fine deferred the
	 * paid total goes to the gains first (they fall due first), and only the part overdue is named.
	 */
	@Test
	void confiscatedGainsUnpaidPastTheirDueDateAreFoundAndPaidFirstWhenTheFineIsDeferred() {
		Acts gainsOwed = act();
		gainsOwed.gains = 300_000L;
		hits(new UnpaidRule(), gainsOwed, "没收违法所得 3,000.00元", "已缴 5,000.00元", "没收违法所得尚欠 3,000.00元");
		assertThat(run(new UnpaidRule(), gainsOwed).get(0).reasoning()).doesNotContain("罚款尚欠");
		Acts allPaid = act();
		allPaid.gains = 300_000L;
		allPaid.paid = 800_000L;
		misses(new UnpaidRule(), allPaid);
		Acts gainsOnly = act();
		gainsOnly.fine = null;
		gainsOnly.gains = 200_000L;
		gainsOnly.paid = 0;
		hits(new UnpaidRule(), gainsOnly, "没收违法所得尚欠 2,000.00元");
		// the fine deferred past today (第六十六条): the 3,000 paid settles the gains, the fine is not due yet
		Acts deferred = act();
		deferred.gains = 300_000L;
		deferred.paid = 300_000L;
		deferred.details = dues(new ActReport.Dues(null, null, TODAY.plusDays(30), true));
		misses(new UnpaidRule(), deferred);
		// 1,000 paid: it went to the gains, of which 2,000 are overdue; the deferred fine is not
		deferred.paid = 100_000L;
		hits(new UnpaidRule(), deferred, "没收违法所得尚欠 2,000.00元", "罚款 5,000.00元 应于 " + TODAY.plusDays(30));
		assertThat(run(new UnpaidRule(), deferred).get(0).reasoning()).doesNotContain("罚款尚欠");
		// past the deferred day the fine is overdue as well
		assertThat(new UnpaidRule().evaluate(deferred.build(), on(TODAY.plusDays(31))).get(0).reasoning()).contains("罚款尚欠 5,000.00元",
				"没收违法所得尚欠 2,000.00元");
		// paid by instalments with approval, the first of which has passed unpaid: the source's day is that instalment's,
		// and the 1,000 paid went to the gains first even though the instalment fell due before the statutory day
		Acts split = act();
		split.gains = 300_000L;
		split.paid = 100_000L;
		split.details = dues(new ActReport.Dues(null, null, LocalDate.of(2026, 5, 1), true));
		hits(new UnpaidRule(), split, "罚款 5,000.00元 应于 2026-05-01", "罚款尚欠 5,000.00元", "没收违法所得尚欠 2,000.00元");
		// without approval the same day is the source's own count of the fifteen days: the fine is paid first
		split.details = dues(new ActReport.Dues(null, null, LocalDate.of(2026, 5, 1), false));
		hits(new UnpaidRule(), split, "罚款尚欠 4,000.00元", "没收违法所得尚欠 3,000.00元");
	}

	private static ActReport.Details dues(ActReport.Dues dues) {
		return new ActReport.Details(List.of(), List.of(), null, false, false, false, List.of(), false, null, dues, null, null, List.of(), null, null, null);
	}

	@Test
	void theSamePartyFinedAgainAndAgainIsFoundWithTheSeries() {
		Acts third = act();
		third.externalId = "A-3";
		ActReport first = history("A-1", LocalDate.of(2025, 6, 10));
		ActReport second = history("A-2", LocalDate.of(2025, 12, 1));
		List<Finding> found = new RepeatedFinesRule().evaluate(third.build(), on(TODAY, List.of(first, second, third.build())));
		assertThat(found).hasSize(1);
		assertThat(found.get(0).reasoning()).contains("被罚款 3 次", "12 个月内 3 次", "A-1", "A-2", "以罚代管");
		// the first fine lies more than twelve months back: only two in the window
		ActReport old = history("A-1", LocalDate.of(2025, 4, 1));
		assertThat(new RepeatedFinesRule().evaluate(third.build(), on(TODAY, List.of(old, second)))).isEmpty();
		// another matter does not count
		Acts other = act();
		other.externalId = "A-9";
		other.matterCode = "GA-002";
		assertThat(new RepeatedFinesRule().evaluate(third.build(), on(TODAY, List.of(first, other.build())))).isEmpty();
	}

	private static ActReport history(String id, LocalDate decided) {
		Acts a = act();
		a.externalId = id;
		a.decidedOn = decided;
		a.noticeServedOn = decided.minusDays(10);
		a.statementDue = decided.minusDays(3);
		a.hearingDue = decided.minusDays(3);
		a.decisionServedOn = decided.plusDays(1);
		return a.build();
	}
}

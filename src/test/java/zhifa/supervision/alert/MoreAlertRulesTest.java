package zhifa.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static zhifa.supervision.alert.Acts.TODAY;
import static zhifa.supervision.alert.Acts.act;
import static zhifa.supervision.alert.Acts.on;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import zhifa.shared.WorkdayCalendar;
import zhifa.supervision.ActReport;

/** The rules over an act's further details and its place: a hit with its article in the reasoning, and a miss. */
class MoreAlertRulesTest {

	private static ActReport.Details details(List<String> types, List<String> notified, Long notifiedMoney, boolean argued, boolean deviates,
			boolean reasoned, List<ActReport.Measure> measures, boolean onSpot, LocalDate handedIn) {
		return new ActReport.Details(types, notified, notifiedMoney, argued, deviates, reasoned, measures, onSpot, handedIn);
	}

	@Test
	void aHeavierPenaltyAfterTheDefenceIsFound() {
		Acts a = act(); // decided 5,000 yuan
		a.details = details(List.of("FINE"), List.of("FINE"), 300_000L, true, false, false, List.of(), false, null);
		assertThat(new HeavierAfterStatementRule().evaluate(a.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("5,000.00元", "3,000.00元", "第四十五条第二款"));
		Acts kind = act();
		kind.details = details(List.of("FINE", "SUSPEND_BUSINESS"), List.of("FINE"), 500_000L, true, false, false, List.of(), false, null);
		assertThat(new HeavierAfterStatementRule().evaluate(kind.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("SUSPEND_BUSINESS"));
		// no defence stated: the same amounts are no finding of this rule (other gates cover a heavier decision)
		Acts silent = act();
		silent.details = details(List.of("FINE"), List.of("FINE"), 300_000L, false, false, false, List.of(), false, null);
		assertThat(new HeavierAfterStatementRule().evaluate(silent.build(), on(TODAY))).isEmpty();
		Acts same = act();
		same.details = details(List.of("FINE"), List.of("FINE"), 500_000L, true, false, false, List.of(), false, null);
		assertThat(new HeavierAfterStatementRule().evaluate(same.build(), on(TODAY))).isEmpty();
	}

	@Test
	void aHeavyPenaltyWithoutTheHearingRightIsFound() {
		Acts a = act();
		a.hearingRight = false;
		a.details = details(List.of("REVOKE_LICENCE"), List.of("REVOKE_LICENCE"), 0L, false, false, false, List.of(), false, null);
		assertThat(new HearingRightRule().evaluate(a.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("吊销许可证件", "第六十三条"));
		Acts told = act();
		told.details = a.details;
		assertThat(new HearingRightRule().evaluate(told.build(), on(TODAY))).isEmpty();
	}

	@Test
	void aPreservationOrSeizurePastItsPeriodIsFoundEachOnItsOwn() {
		LocalDate monday = LocalDate.of(2026, 5, 4);
		Acts a = act();
		a.details = details(List.of(), List.of(), null, false, false, false,
				List.of(new ActReport.Measure("PRESERVATION", monday, null, false), new ActReport.Measure("PRESERVATION", monday, monday.plusDays(3), false),
						new ActReport.Measure("SEAL", monday.minusDays(40), null, false), new ActReport.Measure("DETAIN", monday, null, true)),
				false, null);
		var preservation = new PreservationRule().evaluate(a.build(), on(TODAY));
		assertThat(preservation).singleElement().satisfies(f -> {
			assertThat(f.reasoning()).contains("2026-05-04 实施", "第五十六条", "仍未处理");
			assertThat(f.occurrence()).isEqualTo("PRESERVATION:2026-05-04");
		});
		// the seal (30 days) is late; the extended detention (60 days) is not yet
		assertThat(new SeizureRule().evaluate(a.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("行政强制法》第二十五条").doesNotContain("已延长"));
		assertThat(new SeizureRule().evaluate(a.build(), on(LocalDate.of(2026, 7, 10)))).hasSize(2);
		// a 扣押 whose thirtieth day is a Saturday ends that day, as the case side counts it: released on the Monday is late
		LocalDate applied = LocalDate.of(2026, 4, 30);
		assertThat(applied.plusDays(30).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
		Acts monday2 = act();
		monday2.details = details(List.of(), List.of(), null, false, false, false, List.of(new ActReport.Measure("DETAIN", applied, applied.plusDays(32), false)),
				false, null);
		assertThat(new SeizureRule().evaluate(monday2.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("应于 2026-05-30 前", "实际于 2026-06-01 才处理"));
		Acts saturday = act();
		saturday.details = details(List.of(), List.of(), null, false, false, false, List.of(new ActReport.Measure("DETAIN", applied, applied.plusDays(30), false)),
				false, null);
		assertThat(new SeizureRule().evaluate(saturday.build(), on(TODAY))).isEmpty();
		// decided on the seventh working day: not late
		Acts inTime = act();
		inTime.details = details(List.of(), List.of(), null, false, false, false, List.of(new ActReport.Measure("PRESERVATION", monday, monday.plusDays(9), false)),
				false, null);
		assertThat(new PreservationRule().evaluate(inTime.build(), on(TODAY))).isEmpty();
	}

	@Test
	void aMeasureTheHeadHasNotConfirmedByTheNextDayIsFound() {
		LocalDate monday = LocalDate.of(2026, 5, 4);
		Acts a = act();
		// a seal taken on Monday and reported on Tuesday; a preservation reported on the day; one approved (null)
		a.details = details(List.of(), List.of(), null, false, false, false,
				List.of(new ActReport.Measure("SEAL", monday, null, false, monday.plusDays(1)), new ActReport.Measure("PRESERVATION", monday, null, false, monday),
						new ActReport.Measure("DETAIN", monday, null, false, null)), false, null);
		// the day it was taken and the next: the 24 hours have not run out
		assertThat(new UnapprovedMeasureRule().evaluate(a.build(), on(monday.plusDays(1)))).isEmpty();
		// counted from the day it was taken, not the day it was reported; each kind with its own law
		var found = new UnapprovedMeasureRule().evaluate(a.build(), on(monday.plusDays(2)));
		assertThat(found).hasSize(2);
		assertThat(found.get(0).reasoning()).contains("查封于 2026-05-04 实施，2026-05-05 报请", "负责人仍未确认", "行政强制法》第十九条");
		assertThat(found.get(0).occurrence()).isEqualTo("SEAL:2026-05-04");
		assertThat(found.get(1).reasoning()).contains("先行登记保存", "行政处罚法》第五十六条").doesNotContain("第十九条");
		assertThat(AlertRules.byCode("MEASURE_UNAPPROVED")).isPresent();
	}

	@Test
	void moneyCollectedOnTheSpotHandedInLateIsFound() {
		Acts a = act();
		a.kind = "PENALTY_SIMPLE";
		a.decidedOn = LocalDate.of(2026, 5, 8); // a Friday: two working days end on Tuesday
		a.details = details(List.of("FINE"), List.of(), null, false, false, false, List.of(), true, LocalDate.of(2026, 5, 13));
		assertThat(new HandInRule().evaluate(a.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("2026-05-12", "第七十一条"));
		a.details = details(List.of("FINE"), List.of(), null, false, false, false, List.of(), true, LocalDate.of(2026, 5, 12));
		assertThat(new HandInRule().evaluate(a.build(), on(TODAY))).isEmpty();
	}

	@Test
	void aDeviationWithoutReasonsIsFound() {
		Acts a = act();
		a.details = details(List.of("FINE"), List.of("FINE"), 500_000L, false, true, false, List.of(), false, null);
		assertThat(new DeviationRule().evaluate(a.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("国办发〔2022〕27号"));
		a.details = details(List.of("FINE"), List.of("FINE"), 500_000L, false, true, true, List.of(), false, null);
		assertThat(new DeviationRule().evaluate(a.build(), on(TODAY))).isEmpty();
	}

	@Test
	void anActOutsideTheBodysJurisdictionIsFound() {
		Acts a = act();
		a.placeRegionId = 99L;
		WorkdayCalendar calendar = new WorkdayCalendar(Map.of(), List.of());
		RuleContext outside = new RuleContext(TODAY, calendar::due, AlertSettings.defaults(), List.of(), (body, place) -> Optional.of("芒市"));
		assertThat(new RemoteEnforcementRule().evaluate(a.build(), outside)).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("芒市", "第二十二条"));
		RuleContext inside = new RuleContext(TODAY, calendar::due, AlertSettings.defaults(), List.of(), (body, place) -> Optional.empty());
		assertThat(new RemoteEnforcementRule().evaluate(a.build(), inside)).isEmpty();
	}

	@Test
	void aBodysFinesFarAboveItsOwnPastAreFound() {
		LocalDate from = LocalDate.of(2026, 3, 4);
		LocalDate to = LocalDate.of(2026, 6, 1);
		// 90,000 yuan in ninety days against 80,000 yuan over the year before (20,000 per ninety days): 4.5 times
		assertThat(ProfitSeekingRule.finding(9_000_000L, 12, 8_000_000L, from, to, 2.0, 1_000_000L)).hasValueSatisfying(f -> {
			assertThat(f.reasoning()).contains("90,000.00元", "20,000.00元", "4.5 倍", "《行政执法监督条例》");
			assertThat(f.occurrence()).isEmpty();
		});
		// below the ratio, below the minimum, or no past to compare with: nothing
		assertThat(ProfitSeekingRule.finding(3_000_000L, 5, 8_000_000L, from, to, 2.0, 1_000_000L)).isEmpty();
		assertThat(ProfitSeekingRule.finding(500_000L, 5, 100_000L, from, to, 2.0, 1_000_000L)).isEmpty();
		assertThat(ProfitSeekingRule.finding(9_000_000L, 12, 0L, from, to, 2.0, 1_000_000L)).isEmpty();
	}

	@Test
	void finesConcentratedOnNonLocalPartiesAreFound() {
		LocalDate from = LocalDate.of(2026, 3, 4);
		LocalDate to = LocalDate.of(2026, 6, 1);
		// 80,000 of 100,000 yuan on parties from elsewhere, against 10% the year before: found, with both shares shown
		assertThat(ProfitSeekingRule.nonLocalFinding(10_000_000L, 8_000_000L, 6, 20_000_000L, 2_000_000L, from, to, 0.5, 2.0, 1_000_000L))
			.hasValueSatisfying(f -> {
				assertThat(f.occurrence()).isEqualTo(ProfitSeekingRule.NON_LOCAL);
				assertThat(f.reasoning()).contains("外地当事人", "6 件", "80,000.00元", "80.0%", "10.0%", "《行政执法监督条例》");
			});
		// no past: compared with the share threshold alone
		assertThat(ProfitSeekingRule.nonLocalFinding(10_000_000L, 8_000_000L, 6, 0L, 0L, from, to, 0.5, 2.0, 1_000_000L))
			.hasValueSatisfying(f -> assertThat(f.reasoning()).contains("无可比数据"));
		// a body on a border that always fined mostly non-local parties (60% before, 80% now): not twice its own share
		assertThat(ProfitSeekingRule.nonLocalFinding(10_000_000L, 8_000_000L, 6, 20_000_000L, 12_000_000L, from, to, 0.5, 2.0, 1_000_000L)).isEmpty();
		// under half, under the minimum, or no party whose region is known: nothing
		assertThat(ProfitSeekingRule.nonLocalFinding(10_000_000L, 4_000_000L, 3, 20_000_000L, 0L, from, to, 0.5, 2.0, 1_000_000L)).isEmpty();
		assertThat(ProfitSeekingRule.nonLocalFinding(900_000L, 900_000L, 2, 0L, 0L, from, to, 0.5, 2.0, 1_000_000L)).isEmpty();
		assertThat(ProfitSeekingRule.nonLocalFinding(0L, 0L, 0, 0L, 0L, from, to, 0.5, 2.0, 1_000_000L)).isEmpty();
	}

	@Test
	void aWrittenWaiverEndsTheWindowOnItsDay() {
		Acts a = act(); // notice served 1 April, statement window to 8 April
		a.decidedOn = LocalDate.of(2026, 4, 3);
		a.hearingRight = false;
		assertThat(new DecisionWithoutNoticeRule().evaluate(a.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.occurrence()).isEqualTo("WINDOW"));
		a.details = new ActReport.Details(List.of("FINE"), List.of("FINE"), 500_000L, false, false, false, List.of(), false, null, null,
				LocalDate.of(2026, 4, 3), null);
		assertThat(new DecisionWithoutNoticeRule().evaluate(a.build(), on(TODAY))).isEmpty();
		// decided before the waiver was signed: still too early
		a.details = new ActReport.Details(List.of("FINE"), List.of("FINE"), 500_000L, false, false, false, List.of(), false, null, null,
				LocalDate.of(2026, 4, 6), null);
		assertThat(new DecisionWithoutNoticeRule().evaluate(a.build(), on(TODAY))).hasSize(1);
	}

	@Test
	void aDomainsOwnLargeAmountCounts() {
		// 公安: a person fined 5,000 yuan has the hearing right (2,000 yuan), where 市场监管's 10,000 yuan would not give it
		Acts police = act();
		police.matterCode = "GA-ZA-001";
		police.partyKind = "NATURAL_PERSON";
		police.hearingRight = false;
		assertThat(new HearingRightRule().evaluate(police.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("2,000.00元", "第六十三条"));
		Acts market = act();
		market.matterCode = "SJ-CF-001";
		market.partyKind = "NATURAL_PERSON";
		market.hearingRight = false;
		assertThat(new HearingRightRule().evaluate(market.build(), on(TODAY))).isEmpty();
	}

	@Test
	void aPenaltyInsteadOfATransferIsFoundFromTheMattersCrimeIndicator() {
		// 治安 (example indicator GA-ZA-: property worth 3,000 yuan): 5,000 yuan of stolen goods settled with a fine
		Acts theft = act();
		theft.matterCode = "GA-ZA-001";
		theft.details = ActReport.Details.NONE.withInvolvedAmount(500_000L);
		assertThat(new CrimeIndicatorRule().evaluate(theft.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("涉案金额 5,000.00元", "达到追诉标准 3,000.00元", "刑法第二百六十四条", "第二十七条", "第十一条",
					"不得以行政处罚代替移送", "没有转为刑事案件的记录", "公安机关已立案或不予立案")
				.doesNotContain("）（", "））"));
		// the value confiscated is not what the theft indicator measures
		Acts confiscated = act();
		confiscated.matterCode = "GA-ZA-001";
		confiscated.propertyValue = 500_000L;
		assertThat(new CrimeIndicatorRule().evaluate(confiscated.build(), on(TODAY))).isEmpty();
		// below the indicator, no amount reported, another matter, or transferred to the judicial organs: nothing
		Acts small = act();
		small.matterCode = "GA-ZA-001";
		small.details = ActReport.Details.NONE.withInvolvedAmount(299_999L);
		assertThat(new CrimeIndicatorRule().evaluate(small.build(), on(TODAY))).isEmpty();
		Acts unknown = act();
		unknown.matterCode = "GA-ZA-001";
		assertThat(new CrimeIndicatorRule().evaluate(unknown.build(), on(TODAY))).isEmpty();
		Acts other = act();
		other.matterCode = "JT-YS-001";
		other.details = ActReport.Details.NONE.withInvolvedAmount(50_000_000L);
		assertThat(new CrimeIndicatorRule().evaluate(other.build(), on(TODAY))).isEmpty();
		// decided as a transfer, or penalised and also transferred (the stage says so): nothing
		Acts judicial = act();
		judicial.matterCode = "GA-ZA-001";
		judicial.details = ActReport.Details.NONE.withInvolvedAmount(500_000L);
		judicial.outcome = "JUDICIAL";
		assertThat(new CrimeIndicatorRule().evaluate(judicial.build(), on(TODAY))).isEmpty();
		Acts transferred = act();
		transferred.matterCode = "GA-ZA-001";
		transferred.details = ActReport.Details.NONE.withInvolvedAmount(500_000L);
		transferred.stage = "TRANSFERRED";
		assertThat(new CrimeIndicatorRule().evaluate(transferred.build(), on(TODAY))).isEmpty();
	}

	@Test
	void aCrimeIndicatorOnGainsAndAWrongEntryStopsTheStart() {
		AlertSettings d = AlertSettings.defaults();
		AlertSettings gains = new AlertSettings(d.triageWorkingDays(), d.hearingThresholdPerson(), d.hearingThresholdOrganization(), d.repeatFines(),
				d.repeatMonths(), d.fiveYearMatters(), d.answerWorkingDays(), d.supervisionRegulation(), d.hearingThresholdsByMatter(),
				List.of("SJ-CF-003:GAINS:1000000:非法经营违法所得一万元以上"), d.singleOfficerSimpleMatters(), d.simpleCapsByMatter());
		Acts a = act();
		a.matterCode = "SJ-CF-003";
		a.gains = 1_200_000L;
		WorkdayCalendar calendar = new WorkdayCalendar(Map.of(), List.of());
		assertThat(new CrimeIndicatorRule().evaluate(a.build(), new RuleContext(TODAY, calendar::due, gains, List.of()))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("没收违法所得 12,000.00元", "非法经营违法所得一万元以上"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertSettings(15, 1, 1, 3, 12, List.of(), 10, "x", List.of(),
				List.of("SJ-CF-003:REVENUE:100"), List.of(), List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GAINS或VALUE");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertSettings(15, 1, 1, 3, 12, List.of(), 10, "x", List.of(),
				List.of("SJ-CF-003:GAINS:一万"), List.of(), List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("以分计");
	}

	@Test
	void onePoliceOfficerMayDecideOnTheSpotButNotAFiledCase() {
		// 公安 当场处罚 by one 人民警察: lawful (第四十二条 “法律另有规定的除外”)
		Acts spot = act();
		spot.kind = "PENALTY_SIMPLE";
		spot.matterCode = "GA-ZA-001";
		spot.certificates = List.of("警-1");
		spot.valid = 1;
		assertThat(new OfficerCountRule().evaluate(spot.build(), on(TODAY))).isEmpty();
		// the same by one 市场监管 officer, or a 公安 case in the general procedure by one: found
		Acts market = act();
		market.kind = "PENALTY_SIMPLE";
		market.matterCode = "SJ-CF-001";
		market.certificates = List.of("C-1");
		market.valid = 1;
		assertThat(new OfficerCountRule().evaluate(market.build(), on(TODAY))).hasSize(1);
		Acts filed = act();
		filed.matterCode = "GA-ZA-001";
		filed.certificates = List.of("警-1");
		filed.valid = 1;
		assertThat(new OfficerCountRule().evaluate(filed.build(), on(TODAY))).hasSize(1);
		// nobody at all is never lawful
		Acts none = act();
		none.kind = "PENALTY_SIMPLE";
		none.matterCode = "GA-ZA-001";
		none.certificates = List.of();
		none.valid = 0;
		assertThat(new OfficerCountRule().evaluate(none.build(), on(TODAY))).hasSize(1);
	}

	@Test
	void anOnTheSpotDecisionBeyondItsLimitsIsFound() {
		// an organisation fined 5,000 yuan on the spot (第五十一条: 3,000)
		Acts big = act();
		big.kind = "PENALTY_SIMPLE";
		assertThat(new SimpleProcedureRule().evaluate(big.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("罚款 5,000.00元", "上限 3,000.00元", "第五十一条"));
		// a citizen fined 200 yuan, an organisation 3,000: within the limits
		Acts person = act();
		person.kind = "PENALTY_SIMPLE";
		person.partyKind = "NATURAL_PERSON";
		person.fine = 20_000L;
		assertThat(new SimpleProcedureRule().evaluate(person.build(), on(TODAY))).isEmpty();
		person.fine = 20_001L;
		assertThat(new SimpleProcedureRule().evaluate(person.build(), on(TODAY))).hasSize(1);
		Acts org = act();
		org.kind = "PENALTY_SIMPLE";
		org.fine = 300_000L;
		assertThat(new SimpleProcedureRule().evaluate(org.build(), on(TODAY))).isEmpty();
		// confiscation or another kind on the spot: found; the same in the general procedure: not this rule
		Acts confiscation = act();
		confiscation.kind = "PENALTY_SIMPLE";
		confiscation.fine = 10_000L;
		confiscation.gains = 5_000L;
		assertThat(new SimpleProcedureRule().evaluate(confiscation.build(), on(TODAY))).singleElement()
			.satisfies(f -> assertThat(f.reasoning()).contains("没收违法所得"));
		Acts general = act();
		assertThat(new SimpleProcedureRule().evaluate(general.build(), on(TODAY))).isEmpty();
		// 公安 (its own law's cap, configured): a citizen fined 500 yuan on the spot is within it
		Acts police = act();
		police.kind = "PENALTY_SIMPLE";
		police.partyKind = "NATURAL_PERSON";
		police.matterCode = "GA-ZA-001";
		police.fine = 50_000L;
		assertThat(new SimpleProcedureRule().evaluate(police.build(), on(TODAY))).isEmpty();
		// 交通管理 (道路交通安全法第一百零七条: 200 yuan) is not under the 治安 cap
		Acts traffic = act();
		traffic.kind = "PENALTY_SIMPLE";
		traffic.partyKind = "NATURAL_PERSON";
		traffic.matterCode = "GA-JT-001";
		traffic.fine = 50_000L;
		assertThat(new SimpleProcedureRule().evaluate(traffic.build(), on(TODAY))).hasSize(1);
	}

	@Test
	void malformedAmountsInTheSettingsStopTheStart() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertSettings(15, 1, 1, 3, 12, List.of(), 10, "x", List.of("GA-:2000"), List.of(),
				List.of(), List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hearing-thresholds-by-matter");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertSettings(15, 1, 1, 3, 12, List.of(), 10, "x", List.of(), List.of(), List.of(),
				List.of("GA-ZA-:五百:500"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("simple-caps-by-matter");
	}
}

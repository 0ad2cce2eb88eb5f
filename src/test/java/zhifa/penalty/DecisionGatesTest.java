package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import zhifa.discretion.PenaltyType;

/** Every decision gate: a baseline that passes, and each gate closed on its own. */
class DecisionGatesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
	static final Sanction FINE_5000 = new Sanction(EnumSet.of(PenaltyType.FINE), 500_000L, null);

	/** A case ready for decision: notice served, windows passed, nothing pending. */
	static DecisionGates.Facts ready() {
		return new DecisionGates.Facts(TODAY, true, FINE_5000, FINE_5000, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 8), null, false, null, null,
				false, false, 0, false, false, false, false, false, 2, List.of(), LocalDate.of(2026, 8, 30), false, java.util.Optional.empty(), true);
	}

	static DecisionGates.Facts with(java.util.function.UnaryOperator<Builder> change) {
		return change.apply(new Builder(ready())).build();
	}

	@Test
	void aReadyCasePassesEveryGate() {
		assertThat(DecisionGates.refusals(ready())).isEmpty();
		assertThat(DecisionGates.evaluate(ready())).extracting(DecisionGates.Result::gate).contains("事先告知已送达", "不重于告知的处罚", "在办案期限内");
	}

	@Test
	void aPartyUnderFourteenOrWithoutCapacityIsNotPunished() {
		String reason = zhifa.discretion.Liability.noPunishment(LocalDate.of(2013, 3, 1), LocalDate.of(2026, 6, 1), Set.of()).orElseThrow();
		assertThat(reason).contains("13周岁", "第三十条", "责令监护人加以管教");
		assertThat(DecisionGates.refusals(with(b -> b.noLiability(reason)))).singleElement().asString().contains("不得作出行政处罚决定", "第三十条");
		assertThat(DecisionGates.refusals(with(b -> b.noLiability(reason).imposesPenalty(false)))).as("a decision not to punish may be made").isEmpty();
	}

	@Test
	void aPenaltyNeedsThePartysAddressForTheDecisionToName() {
		assertThat(DecisionGates.refusals(with(b -> b.partyAddressKnown(false)))).singleElement().asString().contains("当事人的地址", "第五十九条");
		assertThat(DecisionGates.refusals(with(b -> b.partyAddressKnown(false).imposesPenalty(false)))).as("no decision document to name it").isEmpty();
	}

	@Test
	void noServedNoticeNoDecision() {
		assertThat(DecisionGates.refusals(with(b -> b.noticeServedOn(null)))).singleElement().asString().contains("第四十四条", "第六十二条");
	}

	@Test
	void openWindowsMustPassOrBeWaivedInWriting() {
		var open = with(b -> b.statementWindowDue(TODAY).hearingRight(true).hearingWindowDue(TODAY.plusDays(1)));
		assertThat(DecisionGates.refusals(open)).singleElement().asString().contains("陈述、申辩期限至 2026-06-15", "听证申请期限至 2026-06-16");
		var waived = with(b -> b.statementWindowDue(TODAY).statementWaivedOn(TODAY).hearingRight(true).hearingWindowDue(TODAY).hearingWaivedOn(TODAY));
		assertThat(DecisionGates.refusals(waived)).isEmpty();
	}

	@Test
	void everyStatementIsReexamined() {
		assertThat(DecisionGates.refusals(with(b -> b.statementsNotReexamined(1)))).singleElement().asString().contains("复核");
	}

	@Test
	void aRequestedHearingMustBeHeld() {
		assertThat(DecisionGates.refusals(with(b -> b.hearingRequested(true)))).singleElement().asString().contains("听证报告");
		assertThat(DecisionGates.refusals(with(b -> b.hearingRequested(true).hearingReportDone(true)))).isEmpty();
	}

	@Test
	void neverHeavierThanNotifiedAfterTheParyArgued() {
		var heavier = new Sanction(EnumSet.of(PenaltyType.FINE, PenaltyType.WARNING), 600_000L, null);
		assertThat(DecisionGates.refusals(with(b -> b.decided(heavier).partyArgued(true)))).singleElement().asString()
			.startsWith("不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条）").contains("增加了告知时没有的“警告”", "罚款6,000.00元高于告知的5,000.00元");
		assertThat(DecisionGates.refusals(with(b -> b.decided(heavier)))).singleElement().asString().startsWith("拟作出的处罚重于事先告知的处罚，须重新告知");
		var lighter = new Sanction(Set.of(PenaltyType.FINE), 300_000L, null);
		assertThat(DecisionGates.refusals(with(b -> b.decided(lighter).partyArgued(true)))).isEmpty();
	}

	@Test
	void noSecondFineForTheSameAct() {
		assertThat(DecisionGates.refusals(with(b -> b.earlierFinesForSameAct(List.of("芒综执罚决〔2026〕3号 罚款2000元")))))
			.singleElement().asString().contains("第二十九条", "芒综执罚决〔2026〕3号");
		var warningOnly = new Sanction(EnumSet.of(PenaltyType.WARNING), null, null);
		assertThat(DecisionGates.refusals(with(b -> b.decided(warningOnly).earlierFinesForSameAct(List.of("x"))))).isEmpty();
	}

	@Test
	void legalReviewAndCollectiveDiscussionWhereRequired() {
		assertThat(DecisionGates.refusals(with(b -> b.legalReviewRequired(true)))).singleElement().asString().contains("第五十八条");
		assertThat(DecisionGates.refusals(with(b -> b.legalReviewRequired(true).legalReviewPassed(true)))).isEmpty();
		assertThat(DecisionGates.refusals(with(b -> b.collectiveDiscussionRequired(true)))).singleElement().asString().contains("集体讨论");
	}

	@Test
	void twoValidOfficersAndTheDecisionPeriod() {
		assertThat(DecisionGates.refusals(with(b -> b.validOfficers(1)))).singleElement().asString().contains("第四十二条");
		assertThat(DecisionGates.refusals(with(b -> b.decisionDue(TODAY.minusDays(1))))).singleElement().asString().contains("第六十条");
		assertThat(DecisionGates.refusals(with(b -> b.decisionTimerPaused(true)))).singleElement().asString().contains("中止");
	}

	@Test
	void notPenalisingSkipsTheNoticeGatesButNotTheOthers() {
		var noPenalty = with(b -> b.imposesPenalty(false).noticeServedOn(null).validOfficers(1));
		assertThat(DecisionGates.refusals(noPenalty)).singleElement().asString().contains("第四十二条");
	}

	@Test
	void hearingRightFollowsArticle63() {
		assertThat(FINE_5000.triggersHearing(1_000_000L)).isFalse();
		assertThat(new Sanction(Set.of(PenaltyType.FINE), 1_000_000L, null).triggersHearing(1_000_000L)).isTrue();
		assertThat(new Sanction(Set.of(PenaltyType.REVOKE_LICENCE), null, null).triggersHearing(null)).isTrue();
		// 违法所得 and 非法财物 together reach the amount: 6,000 + 5,000 yuan against a natural person's 10,000
		assertThat(new Sanction(Set.of(PenaltyType.CONFISCATE_GAINS, PenaltyType.CONFISCATE_PROPERTY), null, 600_000L, "过期食品", 500_000L)
			.triggersHearing(1_000_000L)).isTrue();
		assertThat(new Sanction(Set.of(PenaltyType.CONFISCATE_GAINS, PenaltyType.CONFISCATE_PROPERTY), null, 600_000L, "过期食品", 300_000L)
			.triggersHearing(1_000_000L)).isFalse();
		assertThat(new Sanction(Set.of(PenaltyType.WARNING), null, null).triggersHearing(0L)).isFalse();
		assertThat(new Sanction(Set.of(PenaltyType.FINE, PenaltyType.WARNING), 500_050L, null).describe()).isEqualTo("警告，并处罚款5,000.50元");
	}

	@Test
	void aGateThatDoesNotConcernTheCaseShowsNoTick() {
		// nobody argued, no hearing, no review or discussion required: these gates pass but are 不适用, never a ✓
		var results = DecisionGates.evaluate(with(b -> b.partyArgued(false).hearingRequested(false).legalReviewRequired(false)
			.collectiveDiscussionRequired(false)));
		java.util.Map<String, DecisionGates.Result> byGate = new java.util.HashMap<>();
		results.forEach(r -> byGate.put(r.gate(), r));
		assertThat(byGate.get("法制审核已通过").passed()).isFalse();
		assertThat(byGate.get("法制审核已通过").notApplicable()).hasValueSatisfying(w -> assertThat(w).startsWith("不适用"));
		assertThat(byGate.get("当事人要求听证的已举行听证").notApplicable()).isPresent();
		assertThat(byGate.get("陈述申辩已复核").notApplicable()).isPresent();
		assertThat(byGate.get("集体讨论已进行").notApplicable()).isPresent();
		assertThat(byGate.get("两名以上持证执法人员").passed()).isTrue();
		// before the notice is served its windows are not yet due: 尚未到此阶段, and the notice gate refuses
		var early = DecisionGates.evaluate(with(b -> b.noticeServedOn(null)));
		assertThat(early.stream().filter(r -> r.gate().startsWith("陈述申辩和听证申请期限")).findFirst().orElseThrow().notApplicable())
			.hasValueSatisfying(w -> assertThat(w).startsWith("尚未到此阶段"));
		// a review that is required and passed shows the tick
		var reviewed = DecisionGates.evaluate(with(b -> b.legalReviewRequired(true).legalReviewPassed(true)));
		assertThat(reviewed.stream().filter(r -> r.gate().equals("法制审核已通过")).findFirst().orElseThrow().passed()).isTrue();
	}

	@Test
	void moneyIsTheSameThreeFieldsAndComparedLikeWithLike() {
		var notified = new Sanction(Set.of(PenaltyType.FINE, PenaltyType.CONFISCATE_GAINS, PenaltyType.CONFISCATE_PROPERTY), 6_000_000L, 120_000L,
				"过期食品添加剂12袋", 36_000L);
		assertThat(notified.describe()).isEqualTo("罚款60,000.00元，并处没收违法所得1,200.00元，并处没收非法财物（过期食品添加剂12袋，价值360.00元）");
		// the same fine with more gains confiscated is heavier; a higher property value too; equal is not
		assertThat(new Sanction(notified.types(), 6_000_000L, 130_000L, "过期食品添加剂12袋", 36_000L).heavierThan(notified))
			.singleElement().asString().isEqualTo("没收违法所得1,300.00元高于告知的1,200.00元");
		assertThat(new Sanction(notified.types(), 6_000_000L, 120_000L, "过期食品添加剂12袋", 40_000L).heavierThan(notified))
			.singleElement().asString().contains("没收非法财物的价值");
		assertThat(notified.heavierThan(notified)).isEmpty();
		// notified before gains and property were told apart (V41): the one amount covers both, compared as a sum
		var legacy = new Sanction(Set.of(PenaltyType.CONFISCATE_PROPERTY), null, null, Sanction.LEGACY_PROPERTY, 50_000L);
		assertThat(new Sanction(Set.of(PenaltyType.CONFISCATE_PROPERTY), null, null, "假冒商品30件", 50_000L).heavierThan(legacy)).isEmpty();
		assertThat(new Sanction(Set.of(PenaltyType.CONFISCATE_PROPERTY), null, null, "假冒商品30件", 60_000L).heavierThan(legacy))
			.singleElement().asString().contains("没收的金额合计");
		// the fields must match the kinds chosen
		assertThatThrownBy(() -> new Sanction(Set.of(PenaltyType.CONFISCATE_PROPERTY), null, null, null, 36_000L).checked())
			.hasMessageContaining("列明没收的物品");
		assertThatThrownBy(() -> new Sanction(Set.of(PenaltyType.FINE), 100_000L, 50_000L).checked()).hasMessageContaining("请同时选择“没收违法所得”");
		assertThatThrownBy(() -> new Sanction(Set.of(PenaltyType.CONFISCATE_GAINS), null, null).checked()).hasMessageContaining("没收违法所得的金额");
		// 行政拘留 only in a public-security case (行政处罚法第十八条第三款)
		assertThatThrownBy(() -> new Sanction(Set.of(PenaltyType.DETENTION), null, null).checkedFor("MARKET")).hasMessageContaining("第十八条第三款");
		assertThat(new Sanction(Set.of(PenaltyType.DETENTION), null, null).checkedFor("PUBLIC_SECURITY").types()).containsExactly(PenaltyType.DETENTION);
		assertThat(Sanction.typesFor("MARKET")).doesNotContain(PenaltyType.DETENTION);
		assertThat(zhifa.shared.Money.yuan(6_000_000L)).isEqualTo("60,000.00元");
		assertThat(zhifa.shared.Money.yuan(5L)).isEqualTo("0.05元");
	}

	/** Changes one fact at a time. */
	static final class Builder {
		private LocalDate today, noticeServedOn, statementWindowDue, statementWaivedOn, hearingWindowDue, hearingWaivedOn, decisionDue;
		private boolean imposesPenalty, hearingRight, hearingRequested, hearingReportDone, partyArgued, legalReviewRequired, legalReviewPassed,
				collectiveDiscussionRequired, collectiveDiscussionHeld, decisionTimerPaused, partyAddressKnown;
		private java.util.Optional<String> noLiability = java.util.Optional.empty();
		private Sanction decided, notified;
		private int statementsNotReexamined, validOfficers;
		private List<String> earlierFines;

		Builder(DecisionGates.Facts f) {
			today = f.today(); imposesPenalty = f.imposesPenalty(); decided = f.decided(); notified = f.notified(); noticeServedOn = f.noticeServedOn();
			statementWindowDue = f.statementWindowDue(); statementWaivedOn = f.statementWaivedOn(); hearingRight = f.hearingRight();
			hearingWindowDue = f.hearingWindowDue(); hearingWaivedOn = f.hearingWaivedOn(); hearingRequested = f.hearingRequested();
			hearingReportDone = f.hearingReportDone(); statementsNotReexamined = f.statementsNotReexamined(); partyArgued = f.partyArgued();
			legalReviewRequired = f.legalReviewRequired(); legalReviewPassed = f.legalReviewPassed(); collectiveDiscussionRequired = f.collectiveDiscussionRequired();
			collectiveDiscussionHeld = f.collectiveDiscussionHeld(); validOfficers = f.validOfficers(); earlierFines = f.earlierFinesForSameAct();
			decisionDue = f.decisionDue(); decisionTimerPaused = f.decisionTimerPaused(); noLiability = f.noLiability();
			partyAddressKnown = f.partyAddressKnown();
		}

		Builder noLiability(String reason) { noLiability = java.util.Optional.ofNullable(reason); return this; }

		Builder imposesPenalty(boolean v) { imposesPenalty = v; return this; }
		Builder partyAddressKnown(boolean v) { partyAddressKnown = v; return this; }
		Builder decided(Sanction v) { decided = v; return this; }
		Builder noticeServedOn(LocalDate v) { noticeServedOn = v; return this; }
		Builder statementWindowDue(LocalDate v) { statementWindowDue = v; return this; }
		Builder statementWaivedOn(LocalDate v) { statementWaivedOn = v; return this; }
		Builder hearingRight(boolean v) { hearingRight = v; return this; }
		Builder hearingWindowDue(LocalDate v) { hearingWindowDue = v; return this; }
		Builder hearingWaivedOn(LocalDate v) { hearingWaivedOn = v; return this; }
		Builder hearingRequested(boolean v) { hearingRequested = v; return this; }
		Builder hearingReportDone(boolean v) { hearingReportDone = v; return this; }
		Builder statementsNotReexamined(int v) { statementsNotReexamined = v; return this; }
		Builder partyArgued(boolean v) { partyArgued = v; return this; }
		Builder legalReviewRequired(boolean v) { legalReviewRequired = v; return this; }
		Builder legalReviewPassed(boolean v) { legalReviewPassed = v; return this; }
		Builder collectiveDiscussionRequired(boolean v) { collectiveDiscussionRequired = v; return this; }
		Builder validOfficers(int v) { validOfficers = v; return this; }
		Builder earlierFinesForSameAct(List<String> v) { earlierFines = v; return this; }
		Builder decisionDue(LocalDate v) { decisionDue = v; return this; }
		Builder decisionTimerPaused(boolean v) { decisionTimerPaused = v; return this; }

		DecisionGates.Facts build() {
			return new DecisionGates.Facts(today, imposesPenalty, decided, notified, noticeServedOn, statementWindowDue, statementWaivedOn, hearingRight,
					hearingWindowDue, hearingWaivedOn, hearingRequested, hearingReportDone, statementsNotReexamined, partyArgued, legalReviewRequired,
					legalReviewPassed, collectiveDiscussionRequired, collectiveDiscussionHeld, validOfficers, earlierFines, decisionDue, decisionTimerPaused,
					noLiability, partyAddressKnown);
		}
	}
}

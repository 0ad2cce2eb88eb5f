package zhifa.penalty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gates a penalty decision must pass (行政处罚法第二十九、四十二、四十四、四十五、五十七、五十八、六十、六十二至六十五条),
 * each a named check returning the refusal in plain Chinese. Pure: the service gathers the {@link Facts}, this decides;
 * any refusal means nothing is written.
 */
public final class DecisionGates {

	private DecisionGates() {
	}

	/** Everything the gates look at, gathered on the decision day. */
	public record Facts(LocalDate today, boolean imposesPenalty, Sanction decided, Sanction notified, LocalDate noticeServedOn,
			LocalDate statementWindowDue, LocalDate statementWaivedOn, boolean hearingRight, LocalDate hearingWindowDue, LocalDate hearingWaivedOn,
			boolean hearingRequested, boolean hearingReportDone, int statementsNotReexamined, boolean partyArgued, boolean legalReviewRequired,
			boolean legalReviewPassed, boolean collectiveDiscussionRequired, boolean collectiveDiscussionHeld, int validOfficers,
			List<String> earlierFinesForSameAct, LocalDate decisionDue, boolean decisionTimerPaused, Optional<String> noLiability,
			boolean partyAddressKnown, Optional<String> criminalFineBar) {

		/** No 行刑衔接 referral bars a fine. */
		public Facts(LocalDate today, boolean imposesPenalty, Sanction decided, Sanction notified, LocalDate noticeServedOn,
				LocalDate statementWindowDue, LocalDate statementWaivedOn, boolean hearingRight, LocalDate hearingWindowDue, LocalDate hearingWaivedOn,
				boolean hearingRequested, boolean hearingReportDone, int statementsNotReexamined, boolean partyArgued, boolean legalReviewRequired,
				boolean legalReviewPassed, boolean collectiveDiscussionRequired, boolean collectiveDiscussionHeld, int validOfficers,
				List<String> earlierFinesForSameAct, LocalDate decisionDue, boolean decisionTimerPaused, Optional<String> noLiability,
				boolean partyAddressKnown) {
			this(today, imposesPenalty, decided, notified, noticeServedOn, statementWindowDue, statementWaivedOn, hearingRight, hearingWindowDue,
					hearingWaivedOn, hearingRequested, hearingReportDone, statementsNotReexamined, partyArgued, legalReviewRequired, legalReviewPassed,
					collectiveDiscussionRequired, collectiveDiscussionHeld, validOfficers, earlierFinesForSameAct, decisionDue, decisionTimerPaused,
					noLiability, partyAddressKnown, Optional.empty());
		}
	}

	/**
	 * One gate: its name, the refusal when it does not pass, and — when it passes only because it does not concern this
	 * case (yet) — why: "不适用：当事人未要求听证", "尚未到此阶段：告知书尚未送达". A gate shows a ✓ only when what it
	 * checks has happened.
	 */
	public record Result(String gate, Optional<String> refusal, Optional<String> notApplicable) {

		public Result(String gate, Optional<String> refusal) {
			this(gate, refusal, Optional.empty());
		}

		static Result of(String gate, Optional<String> refusal, boolean applies, String why) {
			return new Result(gate, refusal, refusal.isEmpty() && !applies ? Optional.of(why) : Optional.empty());
		}

		public boolean passed() {
			return refusal.isEmpty() && notApplicable.isEmpty();
		}
	}

	public static List<Result> evaluate(Facts f) {
		List<Result> r = new ArrayList<>();
		if (f.imposesPenalty()) {
			r.add(new Result("当事人具有责任年龄和责任能力", liability(f)));
			r.add(new Result("已登记当事人的地址", partyAddress(f)));
			r.add(new Result("事先告知已送达", noticeServed(f)));
			r.add(Result.of("陈述申辩和听证申请期限已过或已书面放弃", windowsClosed(f), f.noticeServedOn() != null, "尚未到此阶段：告知书送达后起算"));
			r.add(Result.of("陈述申辩已复核", statementsReexamined(f), f.partyArgued(), "不适用：当事人未提出陈述、申辩"));
			r.add(Result.of("当事人要求听证的已举行听证", hearingHeld(f), f.hearingRequested(), f.notified() == null ? "尚未到此阶段：尚未事先告知"
					: f.hearingRight() ? "不适用：当事人未要求听证" : "不适用：本案不属于听证范围"));
			r.add(Result.of("不重于告知的处罚", notHeavierThanNotified(f), f.notified() != null, "尚未到此阶段：尚未事先告知"));
			r.add(Result.of("一事不二罚款", noSecondFine(f), f.decided().fine() != null, "不适用：不处罚款"));
			r.add(Result.of("不以罚款代替刑事追究、人民法院未判处罚金", fined(f) ? f.criminalFineBar() : Optional.empty(), fined(f), "不适用：不处罚款"));
		}
		r.add(Result.of("法制审核已通过", legalReview(f), f.legalReviewRequired(), "不适用：本案不属于须法制审核的情形"));
		r.add(Result.of("集体讨论已进行", collectiveDiscussion(f), f.collectiveDiscussionRequired(), "不适用：本案不须负责人集体讨论"));
		r.add(new Result("两名以上持证执法人员", twoOfficers(f)));
		r.add(new Result("在办案期限内", withinPeriod(f)));
		return r;
	}

	public static List<String> refusals(Facts f) {
		return evaluate(f).stream().flatMap(x -> x.refusal().stream()).toList();
	}

	/**
	 * 行政处罚法第三十条、第三十一条: a party under fourteen at the act date (by the ID number), or one who could not
	 * recognise or control the act, is not punished.
	 */
	static Optional<String> liability(Facts f) {
		return f.noLiability() == null ? Optional.empty() : f.noLiability().map(reason -> "不得作出行政处罚决定：" + reason);
	}

	/** 行政处罚法第五十九条第一款第（一）项: the decision names the party's address, so it must be known before deciding. */
	static Optional<String> partyAddress(Facts f) {
		return f.partyAddressKnown() ? Optional.empty()
				: Optional.of("尚未登记当事人的地址（住所或经营场所）：决定书须载明（行政处罚法第五十九条第一款第（一）项），请先在案件情况中填写当事人地址");
	}

	static Optional<String> noticeServed(Facts f) {
		return f.noticeServedOn() == null ? Optional.of("行政处罚事先告知书尚未送达当事人，不得作出行政处罚决定（行政处罚法第四十四条、第六十二条）") : Optional.empty();
	}

	static Optional<String> windowsClosed(Facts f) {
		if (f.noticeServedOn() == null) {
			return Optional.empty();
		}
		List<String> open = new ArrayList<>();
		if (f.statementWaivedOn() == null && f.statementWindowDue() != null && !f.today().isAfter(f.statementWindowDue())) {
			open.add("陈述、申辩期限至 " + f.statementWindowDue() + " 届满");
		}
		if (f.hearingRight() && !f.hearingRequested() && f.hearingWaivedOn() == null && f.hearingWindowDue() != null
				&& !f.today().isAfter(f.hearingWindowDue())) {
			open.add("听证申请期限至 " + f.hearingWindowDue() + " 届满（行政处罚法第六十四条）");
		}
		return open.isEmpty() ? Optional.empty() : Optional.of("当事人的权利期限尚未届满且未书面放弃：" + String.join("；", open));
	}

	static Optional<String> statementsReexamined(Facts f) {
		return f.statementsNotReexamined() > 0 ? Optional.of("还有 " + f.statementsNotReexamined() + " 份陈述、申辩未复核（行政处罚法第四十五条）")
				: Optional.empty();
	}

	static Optional<String> hearingHeld(Facts f) {
		return f.hearingRequested() && !f.hearingReportDone() ? Optional.of("当事人已要求听证，听证结束并形成听证报告前不得作出决定（行政处罚法第六十五条）")
				: Optional.empty();
	}

	static Optional<String> notHeavierThanNotified(Facts f) {
		if (f.notified() == null) {
			return Optional.empty();
		}
		List<String> points = f.decided().heavierThan(f.notified());
		if (points.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of((f.partyArgued() ? "不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条）：" : "拟作出的处罚重于事先告知的处罚，须重新告知：")
				+ String.join("；", points));
	}

	private static boolean fined(Facts f) {
		return f.decided().fine() != null && f.decided().fine() > 0;
	}

	static Optional<String> noSecondFine(Facts f) {
		if (f.decided().fine() == null || f.earlierFinesForSameAct().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚（行政处罚法第二十九条）：" + String.join("；", f.earlierFinesForSameAct()));
	}

	static Optional<String> legalReview(Facts f) {
		return f.legalReviewRequired() && !f.legalReviewPassed() ? Optional.of("本案应当进行法制审核，未经法制审核或者审核未通过的，不得作出决定（行政处罚法第五十八条；处罚建议修改后、举行听证后应当重新审核）")
				: Optional.empty();
	}

	static Optional<String> collectiveDiscussion(Facts f) {
		return f.collectiveDiscussionRequired() && !f.collectiveDiscussionHeld()
				? Optional.of("本案应当由行政机关负责人集体讨论决定（行政处罚法第五十七条第二款；偏离裁量基准的须集体讨论）")
				: Optional.empty();
	}

	static Optional<String> twoOfficers(Facts f) {
		return f.validOfficers() < 2 ? Optional.of("办案人员中持有效执法证件的不足两名（行政处罚法第四十二条），目前 " + f.validOfficers() + " 名")
				: Optional.empty();
	}

	static Optional<String> withinPeriod(Facts f) {
		if (f.decisionTimerPaused()) {
			return Optional.of("办案期限处于中止（扣除）状态，恢复计算后才能作出决定");
		}
		return f.decisionDue() != null && f.today().isAfter(f.decisionDue())
				? Optional.of("已超过自立案之日起作出行政处罚决定的期限（" + f.decisionDue() + "，行政处罚法第六十条），须经批准延长后才能作出决定")
				: Optional.empty();
	}
}

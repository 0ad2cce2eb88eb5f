package zhifa.penalty.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseOfficers;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.discretion.Benchmarks;
import zhifa.discretion.Circumstance;
import zhifa.discretion.LeniencyLists;
import zhifa.discretion.Liability;
import zhifa.discretion.PenaltyType;
import zhifa.organization.OrganizationDirectory;
import zhifa.penalty.CaseStage;
import zhifa.penalty.DeviationPolicy;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.ProcedureProfile;
import zhifa.penalty.Sanction;
import zhifa.penalty.TimerKind;
import zhifa.penalty.persistence.NoticeRows;
import zhifa.penalty.persistence.ProposalRows;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.Sm3;

/**
 * 拟作处罚 (行政处罚法第五十七、五十八条): the 调查终结报告 with the proposed penalty assessed against the discretion benchmark,
 * then 法制审核 where the law or the body's list requires it — a first-time reviewer needs a 法律职业资格 — and 负责人集体讨论
 * for complex or major cases and deviations from the benchmark.
 */
@Service
public class Proposals {

	private final PenaltyCases penaltyCases;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseEvidence evidence;
	private final CaseOfficers officers;
	private final CaseTimers timers;
	private final CaseRecord record;
	private final ProposalRows rows;
	private final NoticeRows notices;
	private final Benchmarks benchmarks;
	private final LeniencyLists leniency;
	private final OrganizationDirectory directory;
	private final Clock clock;
	private final zhifa.penalty.CriminalReferrals criminalReferrals;
	private final zhifa.catalog.Matters matters;
	private final zhifa.catalog.LegalLibrary library;

	Proposals(PenaltyCases penaltyCases, Cases cases, CaseKinds kinds, CaseEvidence evidence, CaseOfficers officers, CaseTimers timers, CaseRecord record,
			ProposalRows rows, NoticeRows notices, Benchmarks benchmarks, LeniencyLists leniency, OrganizationDirectory directory,
			Clock clock, zhifa.penalty.CriminalReferrals criminalReferrals, zhifa.catalog.Matters matters, zhifa.catalog.LegalLibrary library) {
		this.criminalReferrals = criminalReferrals;
		this.matters = matters;
		this.library = library;
		this.penaltyCases = penaltyCases;
		this.cases = cases;
		this.kinds = kinds;
		this.evidence = evidence;
		this.officers = officers;
		this.timers = timers;
		this.record = record;
		this.rows = rows;
		this.notices = notices;
		this.benchmarks = benchmarks;
		this.leniency = leniency;
		this.directory = directory;
		this.clock = clock;
	}

	public Optional<Proposal> proposal(long caseId) {
		return rows.proposal(caseId);
	}

	public List<Review> reviews(long caseId) {
		return rows.reviews(caseId);
	}

	/** Whether 法制审核 is required (第五十八条): major public interest, complex, a hearing held, a deviation, or the body's list. */
	public List<String> legalReviewGrounds(CaseFile c) {
		return legalReviewGrounds(c, proposal(c.id()), notices.hearing(c.id()).map(h -> h.heldOn() != null).orElse(false));
	}

	/** The grounds, given the case's proposal and whether a hearing was held (for a reader that has them already). */
	public List<String> legalReviewGrounds(CaseFile c, Optional<Proposal> proposal, boolean heard) {
		return legalReviewGrounds(c, proposal, heard, reviewListNotes(c.bodyId(), c.matterId()));
	}

	/** The notes of the body's 法制审核目录清单 on the matter (empty when the matter is not listed). */
	public List<String> reviewListNotes(long bodyId, long matterId) {
		return rows.reviewListNotes(bodyId, matterId);
	}

	/** The grounds, given also the review list's notes on the case's matter (for a reader of many cases of few matters). */
	public List<String> legalReviewGrounds(CaseFile c, Optional<Proposal> proposal, boolean heard, List<String> reviewListNotes) {
		List<String> g = new ArrayList<>();
		proposal.ifPresent(p -> {
			if (p.major()) {
				g.add("涉及重大公共利益（第五十八条第一款第（一）项）");
			}
			if (p.complex()) {
				g.add("案件情况疑难复杂、涉及多个法律关系（第五十八条第一款第（三）项）");
			}
			if (p.deviates()) {
				g.add("拟处罚偏离裁量基准");
			}
		});
		if (heard) {
			g.add("经过听证程序（第五十八条第一款第（二）项）");
		}
		reviewListNotes.forEach(note -> g.add("本机关法制审核目录清单所列事项（" + note + "）"));
		return g;
	}

	/** Whether 负责人集体讨论 is required (第五十七条第二款): complex or major cases, and deviations. */
	public List<String> collectiveGrounds(long caseId) {
		List<String> g = new ArrayList<>();
		proposal(caseId).ifPresent(p -> {
			if (p.major() || p.complex()) {
				g.add("情节复杂或者重大违法行为（第五十七条第二款）");
			}
			if (p.deviates()) {
				g.add("拟处罚偏离裁量基准");
			}
		});
		return g;
	}

	/**
	 * The latest 法制审核 of the proposal as it stands passed — and, when a hearing was held, on or after its day (经过听证程序的,
	 * 第五十八条第一款第（二）项: the review looks at what the hearing found). A review of an earlier proposal does not count.
	 */
	public boolean legalReviewPassed(long caseId) {
		LocalDate heard = notices.hearing(caseId).map(zhifa.penalty.notice.Hearing::heldOn).orElse(null);
		return rows.reviewsOfTheProposal(caseId, "LEGAL").stream().reduce((a, b) -> b)
			.map(r -> "PASSED".equals(r.result()) && (heard == null || !r.decidedOn().isBefore(heard))).orElse(false);
	}

	/** A 负责人集体讨论 of the proposal as it stands was held (one about an earlier proposal does not count). */
	public boolean collectiveHeld(long caseId) {
		return rows.reviewsOfTheProposal(caseId, "COLLECTIVE").stream().anyMatch(r -> r.decidedOn() != null);
	}

	/**
	 * The proposal as typed: the report, the circumstances and the 违法所得 found (for the discretion benchmark), and the
	 * penalty — its kinds and the same money fields as the notice and the decision.
	 */
	public record ProposalForm(String report, Set<Circumstance> circumstances, Long illegalGains, Set<PenaltyType> types, Long fine, Long gains,
			String property, Long propertyValue, String deviationReason, Boolean major, Boolean complex, String revisionReason) {

		/** A first proposal, or one changed before the notice: no reason for a revision. */
		public ProposalForm(String report, Set<Circumstance> circumstances, Long illegalGains, Set<PenaltyType> types, Long fine, Long gains,
				String property, Long propertyValue, String deviationReason, Boolean major, Boolean complex) {
			this(report, circumstances, illegalGains, types, fine, gains, property, propertyValue, deviationReason, major, complex, null);
		}

		/** Without property confiscated. */
		public ProposalForm(String report, Set<Circumstance> circumstances, Long illegalGains, Set<PenaltyType> types, Long fine, Long gains,
				String deviationReason, Boolean major, Boolean complex) {
			this(report, circumstances, illegalGains, types, fine, gains, null, null, deviationReason, major, complex, null);
		}
	}

	/**
	 * Whether the proposal may be revised after the notice: the 复核 adopted a 陈述、申辩 (in full or in part), or a hearing
	 * was held — the facts or circumstances the benchmark was assessed on may have changed (第四十五条、第六十五条) — or the
	 * fine notified has been barred since by a referral ({@link zhifa.penalty.CriminalReferrals}).
	 */
	public boolean revisable(long caseId) {
		return notices.statements(caseId).stream().anyMatch(x -> "ADOPTED".equals(x.result()) || "PARTLY".equals(x.result()))
				|| notices.hearing(caseId).map(h -> h.heldOn() != null).orElse(false)
				// or the fine notified is barred since (a crime reported, the court's 罚金): the proposal is brought in line with the law
				|| notices.notice(caseId).map(n -> n.sanction().fine() != null && n.sanction().fine() > 0).orElse(false)
						&& criminalReferrals.fineBar(caseId).isPresent();
	}

	/**
	 * Why the fine the proposal holds may not be put to the party now (a crime reported, the case with the police, the
	 * court's 罚金): the notice is refused for it, and the case page says so before anyone tries.
	 */
	public Optional<String> barredFine(long caseId) {
		return proposal(caseId).filter(p -> p.sanction().fine() != null && p.sanction().fine() > 0).flatMap(p -> criminalReferrals.fineBar(caseId));
	}

	/** 调查终结报告 and the proposed penalty, assessed against the discretion benchmark and stored with the case. */
	@Transactional
	public Proposal propose(DataScope scope, long caseId, ProposalForm f) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		// after the notice: only a re-assessment once a statement was adopted or a hearing held, never heavier than notified
		boolean revision = CaseStage.NOTIFIED.name().equals(c.file().stage());
		kinds.check(c.file(), revision ? PenaltyActions.PROPOSAL_REVISION : PenaltyActions.PROPOSAL);
		if (revision && (blank(f.revisionReason()) || f.revisionReason().strip().length() > 2000)) {
			throw BusinessRuleViolation.onField("revisionReason", blank(f.revisionReason()) ? "请写明重新裁量的理由：采纳了当事人的哪些陈述、申辩或听证意见、认定的事实和情节有何变化，或者因涉嫌犯罪移送而不再罚款"
					: "重新裁量的理由不超过2000字");
		}
		if (blank(f.report())) {
			throw BusinessRuleViolation.onField("report", "请填写案件调查终结报告");
		}
		if (f.types() == null || f.types().isEmpty()) {
			throw BusinessRuleViolation.onField("types", "请选择拟处罚的种类");
		}
		Sanction s = new Sanction(f.types(), f.fine(), f.gains(), f.property(), f.propertyValue()).checkedFor(c.domainCode());
		if (s.fine() != null && s.fine() > 0) {
			criminalReferrals.fineBarForUpdate(caseId).ifPresent(bar -> {
				throw BusinessRuleViolation.onField("fine", bar);
			});
		}
		var punishing = matters.get(DataScope.all(), c.matterId());
		List<String> clauses = !punishing.penaltyClauses().isEmpty() ? punishing.penaltyClauses() : punishing.basis();
		// no benchmark, no deviation reason and no 从重 makes a fine above what the punishing clause allows lawful
		library.lighterCeiling(clauses, c.actDate(), LocalDate.now(clock)).filter(ceiling -> s.fine() != null && s.fine() > ceiling).ifPresent(ceiling -> {
			throw BusinessRuleViolation.onField("fine", "罚款不得高于" + String.join("、", clauses) + "规定的最高数额" + Sanction.yuan(ceiling) + "（行政处罚法第四条：依法定依据实施处罚）");
		});
		LocalDate birthDate = cases.partyBirthDate(caseId).orElse(null);
		Set<Circumstance> circumstances = f.circumstances() == null ? Set.of() : f.circumstances();
		if (circumstances.stream().anyMatch(Circumstance::needsExpertOpinion) && !evidence.expertOpinionOnFile(caseId)) {
			throw BusinessRuleViolation.onField("circumstances", "认定精神病人、智力残疾人的辨认或者控制能力，须有鉴定意见，请先将鉴定意见作为证据收集（行政处罚法第三十一条）");
		}
		Optional<String> noLiability = Liability.noPunishment(birthDate, c.actDate(), circumstances);
		if (noLiability.isPresent()) {
			throw new BusinessRuleViolation("不能提出处罚建议：" + noLiability.get() + "；请作出不予行政处罚决定，并对当事人进行教育");
		}
		Benchmarks.Assessment assessment = null;
		String noBenchmark = null;
		try {
			assessment = benchmarks.assess(new Benchmarks.AssessmentRequest(null, c.bodyId(), c.actDate(), c.partyKind(), circumstances, f.illegalGains(),
					c.matterId(), cases.partyKey(caseId), birthDate));
		}
		catch (BusinessRuleViolation | NotFound e) {
			// no benchmark for this matter: the statute's own range applies; recorded so the reviewer sees it
			noBenchmark = "未适用裁量基准：" + e.getMessage();
		}
		List<String> deviations = assessment == null ? new ArrayList<>() : DeviationPolicy.deviations(assessment, s);
		if (assessment == null && s.fine() != null) {
			// without a benchmark the statute's own range is the measure: a fine below its floor is 减轻, explained and reviewed
			// like a deviation (it went through as ordinary)
			Long floor = library.lighterFloor(clauses, c.actDate(), LocalDate.now(clock)).orElse(null);
			if (floor != null && s.fine() < floor) {
				deviations.add("罚款" + Sanction.yuan(s.fine()) + "低于" + String.join("、", clauses) + "规定的最低数额" + Sanction.yuan(floor)
						+ "，属减轻处罚，须有行政处罚法第三十二条等规定的情形");
			}
		}
		boolean minor = Liability.isMinor(birthDate, c.actDate());
		if (assessment != null && !minor) { // 减轻 below the benchmark's ordinary tiers needs its ground
			DeviationPolicy.groundlessMitigation(benchmarks.get(assessment.benchmarkId()).tiers(), s, circumstances).ifPresent(why -> {
				throw BusinessRuleViolation.onField("circumstances", why);
			});
		}
		if (minor && assessment != null && DeviationPolicy.heavierThanTier(assessment, s)) {
			throw BusinessRuleViolation.onField("fine", "当事人行为时已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚（行政处罚法第三十条），不得重于“"
					+ assessment.tier().label() + "”阶次（" + String.join("；", deviations) + "）");
		}
		if (minor && assessment == null) {
			// no benchmark says how light: the lightening is explained and reviewed like a deviation
			deviations = new ArrayList<>(deviations);
			deviations.add("当事人为未成年人（已满十四周岁不满十八周岁），本事项无裁量基准，须说明如何依行政处罚法第三十条从轻或者减轻");
		}
		if (!deviations.isEmpty() && blank(f.deviationReason())) {
			throw BusinessRuleViolation.onField("deviationReason", "拟处罚偏离裁量基准（" + String.join("；", deviations) + "），须书面说明理由，并经集体讨论和法制审核");
		}
		String assessmentJson = assessment != null ? Proposal.JSON.writeValueAsString(assessment)
				: Proposal.JSON.writeValueAsString(Map.of("none", noBenchmark, "hearingThreshold",
						leniency.threshold(c.domainCode(), directory.facts(c.bodyId()).orElseThrow().regionPath(), c.partyKind(), c.actDate())
							.map(LeniencyLists.HearingThreshold::amount).orElse(-1L)));
		// a re-assessment does not make a major or complex case ordinary: what called for the collective discussion and the
		// legal review before the notice still does (第五十七条第二款、第五十八条)
		Optional<Proposal> earlier = revision ? proposal(caseId) : Optional.empty();
		boolean major = Boolean.TRUE.equals(f.major()) || earlier.map(Proposal::major).orElse(false);
		boolean complex = Boolean.TRUE.equals(f.complex()) || earlier.map(Proposal::complex).orElse(false);
		if (revision) {
			Sanction notified = notices.notice(caseId).map(zhifa.penalty.notice.Notice::sanction).orElseThrow();
			List<String> heavier = s.heavierThan(notified);
			if (!heavier.isEmpty()) {
				throw BusinessRuleViolation.onField("fine", "重新裁量的处罚重于事先告知的处罚（" + String.join("；", heavier)
						+ "）：不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条第二款）");
			}
		}
		CaseFile file = cases.claim(c.file(), revision ? null : CaseStage.PROPOSED.name());
		rows.save(caseId, new Proposal(f.report().strip(), circumstances, f.illegalGains(), assessmentJson, assessment != null ? assessment.tier().name() : "NONE",
				s, deviations, blank(f.deviationReason()) ? null : f.deviationReason().strip(), major, complex,
				who()), clock.instant());
		startLegalReviewIfRequired(file, c.profile());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("sanction", s.describe());
		if (assessment != null) {
			data.put("tier", assessment.tier().label());
			data.put("benchmark", assessment.benchmark());
			data.put("reasoning", assessment.reasoning());
		}
		else {
			data.put("benchmark", noBenchmark);
		}
		if (!deviations.isEmpty()) {
			data.put("deviations", deviations);
			data.put("deviationReason", f.deviationReason().strip());
		}
		if (revision) {
			data.put("revisionReason", f.revisionReason().strip());
		}
		record.append(file, revision ? "case.proposal_revised" : "case.proposed", (revision ? "告知后重新裁量：" : "提出处罚建议：") + s.describe()
				+ (assessment != null ? "（裁量阶次：" + assessment.tier().label() + "）" : "（" + noBenchmark + "）"), data);
		return proposal(caseId).orElseThrow();
	}

	/**
	 * Starts the review period ({@code profile}: the case's) when the grounds call for a review and none is running yet —
	 * afresh when an earlier period closed but its review no longer counts (the proposal changed, or a hearing was held
	 * since): the reviewer's list shows the case again.
	 */
	public void startLegalReviewIfRequired(CaseFile c, ProcedureProfile profile) {
		var period = timers.find(c.id(), TimerKind.LEGAL_REVIEW);
		if (legalReviewGrounds(c).isEmpty()) {
			// called for by the proposal before, not by this one: its period ends 不再适用 (it stayed open, and the reviewer's list
			// showed the case, till it would have been marked missed)
			period.ifPresent(t -> timers.cancel(t, LocalDate.now(clock)));
			return;
		}
		ProcedureProfile.Number review = profile.legalReview();
		if (period.isEmpty()) {
			timers.start(c.id(), TimerKind.LEGAL_REVIEW, LocalDate.now(clock), review.days(), review.source());
		}
		// closed by a review (met or late) — not one still to be done, whose lateness stays on record
		else if (period.get().closedOn() != null && !legalReviewPassed(c.id())) {
			timers.restart(period.get(), LocalDate.now(clock), review.days(), review.source());
		}
	}

	/** 法制审核: by a legal reviewer; a reviewer's first review needs a 法律职业资格 number (第五十八条第二款). */
	@Transactional
	public Review legalReview(DataScope scope, long caseId, boolean passed, String opinion) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.LEGAL_REVIEW);
		if (blank(opinion)) {
			throw BusinessRuleViolation.onField("opinion", "请填写审核意见");
		}
		Operator op = Operator.current();
		long userId = op.operatorId() == null ? -1 : op.operatorId();
		String qualification = officers.legalQualificationOfUser(op.operatorId()).orElse(null);
		if (officers.officerOfUser(op.operatorId()).filter(o -> officers.investigated(c.file(), o)).isPresent()) { // independent of the investigation
			throw new BusinessRuleViolation("您是或曾是本案的办案人员，不能审核本案：法制审核应由未参与本案调查的法制审核人员进行（行政处罚法第五十八条）");
		}
		ReviewRounds.requireNew(passed, opinion.strip(), LocalDate.now(clock), rows.reviewsOfTheProposal(caseId, "LEGAL"), () -> record.timeline(DataScope.all(), c.file()));
		if (rows.legalReviewsBy(userId) == 0 && blank(qualification)) {
			throw new BusinessRuleViolation("初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格（行政处罚法第五十八条第二款）；您的人员信息中没有法律职业资格证书编号");
		}
		LocalDate today = LocalDate.now(clock);
		CaseFile file = cases.claim(c.file(), null);
		long id = rows.insertLegalReview(caseId, today, String.join("；", legalReviewGrounds(file)), passed, opinion.strip(), who(), op.operatorId(),
				qualification);
		timers.find(caseId, TimerKind.LEGAL_REVIEW).ifPresent(t -> timers.close(t, today));
		record.append(file, "case.legal_review", "法制审核" + (passed ? "通过" : "退回补正") + "：" + opinion.strip(),
				Map.of("review", id, "qualification", qualification == null ? "" : qualification));
		return reviews(caseId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	/** 负责人集体讨论: participants, minutes and the conclusion. */
	@Transactional
	public Review collectiveDiscussion(DataScope scope, long caseId, String participants, String minutes, String conclusion) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.COLLECTIVE);
		if (blank(participants) || blank(minutes) || blank(conclusion)) {
			throw new BusinessRuleViolation("请填写参加人员、讨论记录和结论");
		}
		String names = ReviewRounds.participants(participants, minutes.strip() + "\n结论：" + conclusion.strip(), LocalDate.now(clock), rows.reviewsOfTheProposal(caseId, "COLLECTIVE"));
		CaseFile file = cases.claim(c.file(), null);
		long id = rows.insertCollective(caseId, LocalDate.now(clock), String.join("；", collectiveGrounds(caseId)),
				minutes.strip() + "\n结论：" + conclusion.strip(), names, who(), Operator.current().operatorId());
		record.append(file, "case.collective_discussion", "负责人集体讨论：" + conclusion.strip(),
				Map.of("participants", names, "sm3", Sm3.hex(minutes.strip())));
		return reviews(caseId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	private static String who() {
		return Operator.current().operatorName();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}

package zhifa.penalty.investigation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseOfficers;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.ProcedureProfile;
import zhifa.penalty.TimerKind;
import zhifa.penalty.persistence.NoticeRows;
import zhifa.penalty.persistence.ProposalRows;
import zhifa.penalty.persistence.RecusalRows;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 调查 (行政处罚法第四十二、四十三、五十五、六十条): recusal, changes of officers under the two-officer rule, and the decision
 * period — paused for excluded periods, resumed, extended by the domain's rule. Evidence, transcripts and 先行登记保存 are
 * the kernel's ({@link zhifa.casework.CaseEvidence}).
 */
@Service
public class Investigation {

	private final PenaltyCases penaltyCases;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseOfficers officers;
	private final CaseTimers timers;
	private final CaseRecord record;
	private final RecusalRows recusals;
	private final ProposalRows reviews;
	private final NoticeRows notices;
	private final Clock clock;

	Investigation(PenaltyCases penaltyCases, Cases cases, CaseKinds kinds, CaseOfficers officers, CaseTimers timers, CaseRecord record,
			RecusalRows recusals, ProposalRows reviews, NoticeRows notices, Clock clock) {
		this.penaltyCases = penaltyCases;
		this.cases = cases;
		this.kinds = kinds;
		this.officers = officers;
		this.timers = timers;
		this.record = record;
		this.recusals = recusals;
		this.reviews = reviews;
		this.notices = notices;
		this.clock = clock;
	}

	public List<Recusal> recusals(long caseId) {
		return recusals.of(caseId);
	}

	/**
	 * 回避 (第四十三条): the party applies, the head decides; the investigation is not suspended meanwhile. The presiding
	 * officer of a hearing still to be held may be challenged too (第六十四条第（四）项: 当事人认为主持人与本案有直接利害关系的,
	 * 有权申请回避); the hearing is not held while that stands ({@code Hearings#recordHearing}).
	 */
	@Transactional
	public Recusal applyRecusal(DataScope scope, long caseId, long officerId, String applicant, String reason) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.RECUSAL);
		boolean onCase = c.officers().stream().anyMatch(o -> o.officerId() == officerId);
		var presiding = presiding(caseId).filter(h -> h.presidingId() == officerId);
		if (!onCase && presiding.isEmpty()) {
			throw BusinessRuleViolation.onField("officerId", "该人员不是本案办案人员，也不是待举行听证的主持人");
		}
		if (blank(applicant) || blank(reason)) {
			throw new BusinessRuleViolation("请填写申请人和回避理由");
		}
		CaseFile file = cases.claim(c.file(), null);
		long id = recusals.insert(caseId, officerId, today(), applicant.strip(), reason.strip());
		String name = onCase ? c.officers().stream().filter(o -> o.officerId() == officerId).map(CaseFile.Officer::name).findFirst().orElse("")
				: presiding.get().presidingName();
		record.append(file, "case.recusal_applied", applicant.strip() + "申请" + (onCase ? "办案人员" : "听证主持人") + name + "回避",
				Map.of("recusal", id, "officerId", officerId, "reason", reason.strip()));
		return recusal(caseId, id);
	}

	/** The hearing arranged and not yet held, with its presiding officer. */
	private java.util.Optional<zhifa.penalty.notice.Hearing> presiding(long caseId) {
		return notices.hearing(caseId).filter(h -> h.heldOn() == null && h.presidingId() != null);
	}

	@Transactional
	public Recusal decideRecusal(DataScope scope, long caseId, long recusalId, boolean granted, Long replacementOfficerId, String note) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.RECUSAL_DECISION);
		Recusal r = recusals.of(caseId).stream().filter(x -> x.id() == recusalId).findFirst().orElseThrow(() -> new NotFound("回避申请"));
		if (r.decision() != null) {
			throw new BusinessRuleViolation("该回避申请已作出决定");
		}
		// challenged as the hearing's presiding officer: he presides over the hearing still to be held and is no officer on the case
		boolean presides = !c.officerIds().contains(r.officerId()) && presiding(caseId).filter(h -> h.presidingId() == r.officerId()).isPresent();
		if (presides && granted && replacementOfficerId != null) {
			throw BusinessRuleViolation.onField("replacementOfficerId", "听证主持人回避的，不由办案人员接替：请在“组织听证”中另行指定主持人，并重新通知当事人");
		}
		List<Long> after = new ArrayList<>(c.officerIds().stream().filter(id -> id != r.officerId()).toList());
		if (granted && !presides) {
			if (replacementOfficerId != null) {
				after.add(replacementOfficerId);
			}
			List<String> problems = new ArrayList<>(officers.refusals(c.file(), after));
			recusals.of(caseId).stream().filter(x -> "GRANTED".equals(x.decision()) && after.contains(x.officerId()))
				.forEach(x -> problems.add(x.officerName() + "已于 " + x.decidedOn() + " 决定回避，不能再参与本案（行政处罚法第四十三条）"));
			if (!problems.isEmpty()) {
				throw new BusinessRuleViolation("不能变更办案人员：" + String.join("；", problems));
			}
		}
		CaseFile file = cases.claim(c.file(), null);
		if (granted && !presides) {
			officers.change(file, after, today());
		}
		recusals.decided(recusalId, granted, today(), who(), blank(note) ? null : note.strip());
		record.append(file, "case.recusal_decided", "负责人决定" + (presides ? "听证主持人" : "") + r.officerName() + (granted ? "回避" : "不予回避")
				+ (presides && granted ? "，另行指定主持人并重新通知当事人" : "")
				+ (granted && replacementOfficerId != null ? "，由" + officers.nameInBody(replacementOfficerId, c.bodyId()).orElse("") + "接替" : ""),
				Map.of("recusal", recusalId, "replacement", replacementOfficerId == null ? "" : replacementOfficerId));
		return recusal(caseId, recusalId);
	}

	/** Changes the officers on the case; at least two with valid certificates must remain (第四十二条). */
	@Transactional
	public PenaltyCase changeOfficers(DataScope scope, long caseId, List<Long> officerIds, String reason) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.OFFICERS);
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "请填写变更理由");
		}
		List<Long> ids = officerIds == null ? List.of() : officerIds;
		List<String> problems = new ArrayList<>(officers.refusals(c.file(), ids));
		// one whose recusal was granted does not come back to the case (行政处罚法第四十三条)
		recusals.of(caseId).stream().filter(r -> "GRANTED".equals(r.decision()) && ids.contains(r.officerId()))
			.forEach(r -> problems.add(r.officerName() + "已于 " + r.decidedOn() + " 决定回避，不能再参与本案（行政处罚法第四十三条）"));
		if (!problems.isEmpty()) {
			throw new BusinessRuleViolation("不能变更办案人员：" + String.join("；", problems));
		}
		CaseFile file = cases.claim(c.file(), null);
		officers.change(file, ids, today());
		CaseFile after = cases.find(caseId).orElseThrow();
		record.append(after, "case.officers_changed", "变更办案人员：" + String.join("、", after.officers().stream().map(CaseFile.Officer::name).toList()),
				Map.of("reason", reason.strip()));
		return penaltyCases.of(after);
	}

	/** 中止 or another excluded period (公告、检测检验鉴定): the decision period stops until resumed (第六十条 and the procedure rules). */
	@Transactional
	public CaseTimer pauseDecision(DataScope scope, long caseId, String reason) {
		var read = penaltyCases.get(scope, caseId, TimerKind.DECISION);
		PenaltyCase c = read.c();
		kinds.require(c.file(), PenaltyActions.DECISION_PAUSE);
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "请写明不计入办案期限的事由（如 检测检验、鉴定、公告、案件中止）");
		}
		CaseTimer t = read.timer();
		if (t.state() != CaseTimer.State.RUNNING) {
			throw new BusinessRuleViolation("办案期限当前为“" + t.state().label() + "”，不能中止");
		}
		CaseFile file = cases.claim(c.file(), null);
		timers.pause(caseId, TimerKind.DECISION, today(), reason.strip());
		record.append(file, "case.period_paused", "办案期限中止计算：" + reason.strip(), Map.of());
		return timers.get(caseId, TimerKind.DECISION);
	}

	@Transactional
	public CaseTimer resumeDecision(DataScope scope, long caseId) {
		var read = penaltyCases.get(scope, caseId, TimerKind.DECISION);
		PenaltyCase c = read.c();
		kinds.require(c.file(), PenaltyActions.DECISION_RESUME);
		if (notices.hearing(caseId).map(h -> h.heldOn() == null).orElse(false)) {
			throw new BusinessRuleViolation("听证尚未结束，办案期限在听证报告形成后自动恢复计算");
		}
		CaseTimer t = read.timer();
		if (t.state() != CaseTimer.State.PAUSED) {
			throw new BusinessRuleViolation("办案期限没有中止");
		}
		CaseFile file = cases.claim(c.file(), null);
		LocalDate due = timers.resume(caseId, TimerKind.DECISION, today());
		record.append(file, "case.period_resumed", "办案期限恢复计算，至 " + due + " 届满", Map.of());
		return timers.get(caseId, TimerKind.DECISION);
	}

	/**
	 * 延长办案期限 with approval, by the domain's extension (市场监管: 三十日); a further extension needs a collective
	 * discussion held that day (市场监督管理行政处罚程序规定第六十四条).
	 */
	@Transactional
	public CaseTimer extendDecision(DataScope scope, long caseId, String reason) {
		var read = penaltyCases.get(scope, caseId, TimerKind.DECISION);
		PenaltyCase c = read.c();
		kinds.require(c.file(), PenaltyActions.DECISION_EXTENSION);
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "请填写延长理由");
		}
		CaseTimer t = read.timer();
		if (t.state() == CaseTimer.State.MET) {
			throw new BusinessRuleViolation("已作出决定，不需要延长");
		}
		// extended before it runs out, not afterwards: a late extension would hide the overrun (行政处罚法第六十条)
		if (t.stateOn(today()) == CaseTimer.State.MISSED) {
			throw new BusinessRuleViolation("办案期限已于 " + t.due() + " 届满，不能再延长：行政机关应当自立案之日起九十日内作出行政处罚决定（行政处罚法第六十条），延长须在此前批准");
		}
		if (t.extended() > 0 && !reviews.collectiveHeldOn(caseId, today())) {
			throw new BusinessRuleViolation("办案期限已延长过一次，再次延长须经负责人集体讨论（今日集体讨论后再延长）");
		}
		ProcedureProfile.Number extension = c.profile().decisionExtension();
		if (extension.days() == 0) {
			throw new BusinessRuleViolation("本领域的程序规定没有延长办案期限（" + extension.source() + "）");
		}
		CaseFile file = cases.claim(c.file(), null);
		timers.extend(t, extension.days());
		// granted in time: should the nightly sweep have marked it missed meanwhile, it runs again
		timers.reopen(t);
		CaseTimer after = timers.get(caseId, TimerKind.DECISION);
		record.append(file, "case.decision_extended", "经批准延长办案期限至 " + after.due(), Map.of("reason", reason.strip(), "source", extension.source()));
		return after;
	}

	private Recusal recusal(long caseId, long id) {
		return recusals.of(caseId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static String who() {
		return Operator.current().operatorName();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}

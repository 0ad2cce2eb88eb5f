package zhifa.penalty.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.penalty.CaseStage;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.ProcedureProfile;
import zhifa.penalty.TimerKind;
import zhifa.penalty.execution.ExecutionRecords.ServiceMethod;
import zhifa.penalty.persistence.NoticeRows;
import zhifa.penalty.persistence.ProposalRows;
import zhifa.penalty.proposal.Proposal;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.Sm3;

/**
 * 事先告知 and the party's say (行政处罚法第四十四、四十五条): the notice with the proposed penalty and the hearing right where
 * 第六十三条 or the 较大数额 threshold gives one, its service starting the party's windows, written waivers, statements and
 * their 复核.
 */
@Service
public class Notices {

	/** How the file names a party's signed waiver: a paper of the procedure, not evidence of the violation. */
	public static final String WAIVER_TITLE = "当事人书面放弃";

	private final PenaltyCases penaltyCases;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseTimers timers;
	private final CaseRecord record;
	private final NoticeRows rows;
	private final ProposalRows proposals;
	private final Clock clock;
	private final zhifa.casework.CaseEvidence evidence;

	private final zhifa.discretion.LeniencyLists thresholds;
	private final zhifa.organization.OrganizationDirectory directory;

	private final zhifa.penalty.CriminalReferrals criminalReferrals;

	Notices(PenaltyCases penaltyCases, Cases cases, CaseKinds kinds, CaseTimers timers, CaseRecord record, NoticeRows rows, ProposalRows proposals,
			Clock clock, zhifa.casework.CaseEvidence evidence, zhifa.discretion.LeniencyLists thresholds, zhifa.organization.OrganizationDirectory directory,
			zhifa.penalty.CriminalReferrals criminalReferrals) {
		this.criminalReferrals = criminalReferrals;
		this.evidence = evidence;
		this.thresholds = thresholds;
		this.directory = directory;
		this.penaltyCases = penaltyCases;
		this.cases = cases;
		this.kinds = kinds;
		this.timers = timers;
		this.record = record;
		this.rows = rows;
		this.proposals = proposals;
		this.clock = clock;
	}

	public Optional<Notice> notice(long caseId) {
		return rows.notice(caseId);
	}

	public List<Statement> statements(long caseId) {
		return rows.statements(caseId);
	}

	/** 行政处罚事先告知书: the proposed penalty, with the hearing right when Art. 63 or the 较大数额 threshold applies. */
	@Transactional
	public Notice issueNotice(DataScope scope, long caseId, String facts) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.NOTICE);
		if (blank(facts)) {
			throw BusinessRuleViolation.onField("facts", "请填写告知的违法事实、理由和依据");
		}
		Proposal p = proposals.proposal(caseId).orElseThrow(() -> new BusinessRuleViolation("须先提出处罚建议再告知"));
		if (p.sanction().fine() != null && p.sanction().fine() > 0) {
			// a fine the judicial side's handling bars is not put to the party either
			criminalReferrals.fineBarForUpdate(caseId).ifPresent(bar -> {
				throw new BusinessRuleViolation("不能告知拟处罚款：" + bar + "请先修改处罚建议。");
			});
		}
		HearingRight right = hearingRight(c, p.sanction());
		CaseFile file = cases.claim(c.file(), CaseStage.NOTIFIED.name());
		boolean replaced = rows.issue(caseId, today(), p.sanction(), right.right(), facts.strip());
		record.append(file, "case.notice_issued", (replaced ? "重新制作行政处罚事先告知书（原告知书未送达，不再送达）：" : "制作行政处罚事先告知书：") + p.sanction().describe() + (right.right() ? "，告知听证权利" : "")
				+ (right.unset() ? "（本领域未设定听证“较大数额”标准，按有利于当事人的原则告知）" : ""),
				Map.of("hearingRight", right.right(), "threshold", right.threshold() == null ? "" : right.threshold()));
		return notice(caseId).orElseThrow();
	}

	/**
	 * Whether the notice of this penalty gives the party the right to a hearing (第六十三条): a heavy penalty, or a fine or
	 * confiscation at least the 较大数额 for the party as registered now (its type may have been corrected since the
	 * proposal), in force at the act. Where the domain has no 较大数额 set, whether an amount is 较大 cannot be told, so
	 * the party is not deprived of the right ({@code unset}). The one answer for the notice and for the page before it.
	 *
	 * @param threshold the 较大数额 in fen, {@code null} when none is set
	 */
	public record HearingRight(boolean right, boolean unset, Long threshold) {
	}

	public HearingRight hearingRight(PenaltyCase c, zhifa.penalty.Sanction s) {
		Long threshold = thresholds.threshold(c.domainCode(), directory.facts(c.bodyId()).orElseThrow().regionPath(), c.partyKind(), c.actDate())
			.map(zhifa.discretion.LeniencyLists.HearingThreshold::amount).orElse(null);
		boolean unset = threshold == null && s.hasAmount();
		return new HearingRight(unset || s.triggersHearing(threshold), unset, threshold);
	}

	/** Service by a method that needs nothing besides its proof (直接送达, 委托送达, 转交送达). */
	@Transactional
	public Notice serveNotice(DataScope scope, long caseId, LocalDate servedOn, String method, String proof) {
		return serveNotice(scope, caseId, servedOn, method, proof, null, null, null);
	}

	/**
	 * Service of the notice starts the party's windows (陈述申辩 by the domain's rule; 听证申请 five working days), so it is held
	 * to what service of the decision is: a known method with what it needs ({@link ServiceMethod#requireDetails}), kept
	 * with the proof. 公告送达 of a notice is not taken here: its day depends on the period, as the decision's service has it.
	 */
	@Transactional
	public Notice serveNotice(DataScope scope, long caseId, LocalDate servedOn, String method, String proof, String witnesses, String trackingNo,
			String consentRef) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		Notice n = notice(caseId).orElseThrow(() -> new BusinessRuleViolation("尚未制作事先告知书"));
		if (n.servedOn() != null) {
			throw new BusinessRuleViolation("事先告知书已于 " + n.servedOn() + " 送达");
		}
		kinds.require(c.file(), PenaltyActions.NOTICE_SERVICE);
		if (servedOn == null || servedOn.isAfter(today()) || servedOn.isBefore(n.issuedOn())) {
			throw BusinessRuleViolation.onField("servedOn", "送达日期应在告知书制作之后、不晚于今天");
		}
		if (blank(method) || blank(proof)) {
			throw new BusinessRuleViolation("请填写送达方式和送达凭证（如送达回证编号）");
		}
		ServiceMethod how = ServiceMethod.ofLabel(method).filter(m -> m != ServiceMethod.ANNOUNCE).orElseThrow(() -> BusinessRuleViolation.onField("method",
				"送达方式应为直接送达、留置送达、邮寄送达、委托送达、转交送达或电子送达"));
		how.requireDetails(witnesses, trackingNo, consentRef);
		String kept = proof.strip() + (how == ServiceMethod.LEAVE ? "；见证人：" + witnesses.strip() : "")
				+ (how == ServiceMethod.MAIL ? "；邮件单号：" + trackingNo.strip() : "") + (how == ServiceMethod.ELECTRONIC ? "；电子送达确认书：" + consentRef.strip() : "");
		if (kept.length() > 500) {
			throw BusinessRuleViolation.onField("proof", "送达凭证连同见证人、邮件单号或确认书编号不超过500字");
		}
		if (n.sanction().fine() != null && n.sanction().fine() > 0) {
			criminalReferrals.fineBarForUpdate(caseId).ifPresent(bar -> {
				throw new BusinessRuleViolation("不能送达拟处罚款的告知书：" + bar + "请先重新裁量（修改处罚建议），再重新制作告知书。");
			});
		}
		CaseFile file = cases.claim(c.file(), null);
		ProcedureProfile.Number statement = c.profile().statement();
		LocalDate statementDue = timers.start(caseId, TimerKind.STATEMENT, servedOn, statement.days(), statement.source()).due();
		LocalDate hearingDue = n.hearingRight() ? timers.start(caseId, TimerKind.HEARING_REQUEST, servedOn, TimerKind.HEARING_REQUEST.defaultAmount()).due()
				: null;
		rows.served(caseId, servedOn, how.label(), kept, statementDue, hearingDue);
		record.append(file, "case.notice_served", "事先告知书以" + how.label() + "方式于 " + servedOn + " 送达",
				Map.of("proof", kept, "statementDue", statementDue.toString(), "hearingDue", hearingDue == null ? "" : hearingDue.toString()));
		return notice(caseId).orElseThrow();
	}

	/** The scan of the party's signed waiver, as uploaded. */
	public record SignedScan(byte[] bytes, String fileName, String contentType) {
	}

	/**
	 * A written waiver of the statement or hearing right ends that window early. A waiver gives up a right, so it takes
	 * the scan of the party's signed statement (kept as evidence, with its SM3) and the officer's confirmation that he
	 * checked the signature.
	 */
	@Transactional
	public Notice waive(DataScope scope, long caseId, String right, LocalDate on, boolean confirmed, SignedScan scan) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		Notice n = notice(caseId).filter(x -> x.servedOn() != null).orElseThrow(() -> new BusinessRuleViolation("事先告知书尚未送达，不能放弃权利"));
		kinds.require(c.file(), PenaltyActions.WAIVER);
		if (scan == null || scan.bytes() == null || scan.bytes().length == 0) {
			throw BusinessRuleViolation.onField("file", "请上传当事人签名的书面放弃声明的扫描件或照片");
		}
		if (!confirmed) {
			throw BusinessRuleViolation.onField("confirmed", "请确认已核对书面放弃声明上当事人的签名（或盖章）和日期");
		}
		LocalDate day = on == null ? today() : on;
		if (day.isBefore(n.servedOn()) || day.isAfter(today())) {
			throw BusinessRuleViolation.onField("on", "放弃日期应在送达之后、不晚于今天");
		}
		TimerKind kind = switch (right == null ? "" : right) {
			case "STATEMENT" -> TimerKind.STATEMENT;
			case "HEARING" -> {
				if (!n.hearingRight()) {
					throw new BusinessRuleViolation("本案未告知听证权利");
				}
				yield TimerKind.HEARING_REQUEST;
			}
			default -> throw BusinessRuleViolation.onField("right", "请选择放弃陈述申辩权或听证权");
		};
		String what = kind == TimerKind.STATEMENT ? "陈述、申辩" : "听证";
		LocalDate already = kind == TimerKind.STATEMENT ? n.statementWaivedOn() : n.hearingWaivedOn();
		if (already != null) {
			throw new BusinessRuleViolation("当事人已于 " + already + " 书面放弃" + what + "权利，声明已入卷，不再重复登记");
		}
		// one signed statement may give up both rights: the same scan is filed once, and the second waiver points to it
		String sm3 = zhifa.shared.Sm3.hex(scan.bytes());
		Optional<zhifa.casework.CaseEvidence.Evidence> same = evidence.evidence(caseId).stream()
			.filter(e -> sm3.equals(e.sm3()) && e.title().startsWith(WAIVER_TITLE)).findFirst();
		if (same.isPresent() && !day.equals(same.get().collectedOn())) {
			// one signed statement has one date
			throw BusinessRuleViolation.onField("on", "这份声明已作为“" + same.get().title() + "”入卷，签署日期为 " + same.get().collectedOn() + "；同一份声明请填写同一日期");
		}
		CaseFile file = cases.claim(c.file(), null);
		rows.waived(caseId, kind == TimerKind.HEARING_REQUEST, day);
		timers.close(caseId, kind, day);
		// the signed statement goes into the file last (its own row, then its bytes): a refusal above stores nothing
		var kept = same.orElseGet(() -> evidence.addEvidence(DataScope.all(), caseId, zhifa.casework.EvidenceType.DOCUMENTARY, WAIVER_TITLE + what + "权利的声明",
				scan.bytes(), scan.fileName(), scan.contentType(), day, "签名已核对"));
		record.append(file, "case.right_waived", "当事人书面放弃" + what + "权利（" + same.map(e -> "与已入卷的“" + e.title() + "”为同一份声明").orElse("声明扫描件已入卷") + "）",
				Map.of("on", day.toString(), "evidence", kept.id(), "sm3", kept.sm3()));
		return notice(caseId).orElseThrow();
	}

	@Transactional
	public Statement addStatement(DataScope scope, long caseId, LocalDate receivedOn, String content) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.STATEMENT);
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (receivedOn == null || receivedOn.isAfter(today())) {
			errors.put("receivedOn", receivedOn == null ? "请填写收到陈述、申辩的日期" : "收到陈述、申辩的日期不能晚于今天");
		}
		if (blank(content)) {
			errors.put("content", "请填写陈述、申辩的内容");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		CaseFile file = cases.claim(c.file(), null);
		long id = rows.insertStatement(caseId, receivedOn, content.strip());
		record.append(file, "case.statement", "收到当事人陈述、申辩（" + receivedOn + "）", Map.of("statement", id, "sm3", Sm3.hex(content.strip())));
		return statements(caseId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

	/** 复核: every fact, reason and piece of evidence the party offered is examined; the result is recorded. */
	@Transactional
	public Statement reexamine(DataScope scope, long caseId, long statementId, String result, String note) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.REEXAMINE);
		if (!Set.of("ADOPTED", "PARTLY", "REJECTED").contains(result == null ? "" : result)) {
			throw BusinessRuleViolation.onField("result", "请选择复核结果：采纳、部分采纳或不予采纳");
		}
		if (blank(note)) {
			throw BusinessRuleViolation.onField("resultNote", "请写明复核意见及理由");
		}
		if (statements(caseId).stream().noneMatch(s -> s.id() == statementId && s.result() == null)) {
			throw new BusinessRuleViolation("该陈述、申辩不存在或已复核");
		}
		CaseFile file = cases.claim(c.file(), null);
		rows.reexamined(caseId, statementId, result, note.strip(), today(), Operator.current().operatorName());
		record.append(file, "case.statement_reexamined", "复核当事人陈述、申辩：" + switch (result) {
			case "ADOPTED" -> "采纳";
			case "PARTLY" -> "部分采纳";
			default -> "不予采纳";
		}, Map.of("statement", statementId, "note", note.strip()));
		return statements(caseId).stream().filter(s -> s.id() == statementId).findFirst().orElseThrow();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}

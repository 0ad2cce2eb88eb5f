package zhifa.penalty.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.EvidenceType;
import zhifa.casework.TimerPause;
import zhifa.penalty.CaseStage;
import zhifa.penalty.DecisionGates;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.decision.Decisions;
import zhifa.penalty.investigation.Investigation;
import zhifa.penalty.investigation.Recusal;
import zhifa.penalty.notice.Hearing;
import zhifa.penalty.notice.Hearings;
import zhifa.penalty.notice.Notice;
import zhifa.penalty.notice.Notices;
import zhifa.penalty.notice.Statement;
import zhifa.penalty.proposal.Proposal;
import zhifa.penalty.proposal.Proposals;
import zhifa.penalty.proposal.Review;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;

@Tag(name = "行政处罚案件：调查至决定", description = "证据（按内容 SM3 保存）、笔录、回避、办案人员变更、处罚建议与裁量评估、法制审核、集体讨论、事先告知与送达、放弃权利、陈述申辩与复核、听证、延长期限、决定（全部法定关口校验）。金额单位：分")
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseProcedureApi {

	private final PenaltyCases cases;
	private final CaseEvidence evidence;
	private final CaseTimers timers;
	private final Investigation investigation;
	private final Proposals proposals;
	private final Notices notices;
	private final Hearings hearings;
	private final Decisions decisions;
	private final CaseMeasures measures;

	CaseProcedureApi(PenaltyCases cases, CaseEvidence evidence, CaseTimers timers, Investigation investigation, Proposals proposals, Notices notices,
			Hearings hearings, Decisions decisions, CaseMeasures measures) {
		this.cases = cases;
		this.evidence = evidence;
		this.timers = timers;
		this.investigation = investigation;
		this.proposals = proposals;
		this.notices = notices;
		this.hearings = hearings;
		this.decisions = decisions;
		this.measures = measures;
	}

	private static DataScope scope() {
		return Operator.current().scope();
	}

	record ProcedureView(List<CaseEvidence.Evidence> evidence, List<CaseEvidence.Transcript> transcripts, List<Recusal> recusals,
			Optional<Proposal> proposal, List<Review> reviews, Optional<Notice> notice, List<Statement> statements, Optional<Hearing> hearing,
			List<TimerPause> pauses, List<String> legalReviewGrounds, List<String> collectiveGrounds, List<CaseMeasures.MeasureView> measures,
			List<DecisionGates.Result> decisionGates) {
	}

	@Operation(summary = "调查至决定的全部材料，以及按拟处罚内容评估的各项决定关口")
	@GetMapping("/procedure")
	ProcedureView procedure(@PathVariable long id) {
		PenaltyCase c = cases.get(scope(), id);
		boolean deciding = c.stage() == CaseStage.FILED || c.stage() == CaseStage.PROPOSED || c.stage() == CaseStage.NOTIFIED;
		return new ProcedureView(evidence.evidence(id), evidence.transcripts(id), investigation.recusals(id), proposals.proposal(id), proposals.reviews(id),
				notices.notice(id), notices.statements(id), hearings.hearing(id), timers.pauses(id), proposals.legalReviewGrounds(c.file()),
				proposals.collectiveGrounds(id), measures.of(id), deciding ? decisions.gates(c) : List.of());
	}

	@Operation(summary = "收集证据（可附文件：JPG、PNG、PDF、MP3、MP4、文本，≤50MB）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	CaseEvidence.Evidence evidence(@PathVariable long id, @RequestParam(required = false) EvidenceType type,
			@RequestParam(defaultValue = "") String title, @RequestParam(required = false) LocalDate collectedOn,
			@RequestParam(defaultValue = "") String note, @RequestParam(required = false) MultipartFile file) throws IOException {
		return evidence.addEvidence(scope(), id, type, title, file == null ? null : file.getBytes(), file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getContentType(), collectedOn, note);
	}

	@Operation(summary = "下载证据文件")
	@GetMapping("/evidence/{evidenceId}/file")
	ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long evidenceId) {
		byte[] bytes = evidence.evidenceFile(scope(), id, evidenceId);
		var e = evidence.evidence(id).stream().filter(x -> x.id() == evidenceId).findFirst();
		return zhifa.shared.web.Downloads.file(e.map(CaseEvidence.Evidence::fileName).orElse("evidence"),
				MediaType.parseMediaType(e.map(CaseEvidence.Evidence::contentType).orElse("application/octet-stream")), bytes);
	}

	record Transcript(String kind, LocalDate heldOn, String place, String subject, String content) {
	}

	@Operation(summary = "询问笔录或现场检查笔录")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/transcripts")
	void transcript(@PathVariable long id, @RequestBody Transcript t) {
		evidence.addTranscript(scope(), id, t.kind(), t.heldOn(), t.place(), t.subject(), t.content());
	}

	record RecusalRequest(Long officerId, String applicant, String reason) {
	}

	@Operation(summary = "回避申请")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/recusals")
	void recusal(@PathVariable long id, @RequestBody RecusalRequest r) {
		investigation.applyRecusal(scope(), id, r.officerId() == null ? -1 : r.officerId(), r.applicant(), r.reason());
	}

	record RecusalDecision(Boolean granted, Long replacementOfficerId, String note) {
	}

	@Operation(summary = "负责人决定回避（回避后持证办案人员仍须两名以上）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/recusals/{recusalId}/decision")
	void decideRecusal(@PathVariable long id, @PathVariable long recusalId, @RequestBody RecusalDecision d) {
		investigation.decideRecusal(scope(), id, recusalId, Boolean.TRUE.equals(d.granted()), d.replacementOfficerId(), d.note());
	}

	record Officers(List<Long> officerIds, String reason) {
	}

	@Operation(summary = "变更办案人员")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/officers")
	PenaltyCase officers(@PathVariable long id, @RequestBody Officers o) {
		return investigation.changeOfficers(scope(), id, o.officerIds() == null ? List.of() : o.officerIds(), o.reason());
	}

	@Operation(summary = "提出处罚建议（调查终结报告、情节、拟处罚；自动进行裁量评估，偏离基准须说明理由）；告知后陈述、申辩经复核采纳或已举行听证的，以同一接口重新裁量（revisionReason 必填，不得重于告知的处罚）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/proposal")
	Proposal propose(@PathVariable long id, @RequestBody Proposals.ProposalForm f) {
		return proposals.propose(scope(), id, f);
	}

	record ReviewResult(Boolean passed, String opinion) {
	}

	@Operation(summary = "法制审核（法制审核人员；初次审核须有法律职业资格）")
	@PreAuthorize("hasRole('LEGAL_REVIEWER')")
	@PostMapping("/legal-review")
	Review legalReview(@PathVariable long id, @RequestBody ReviewResult r) {
		return proposals.legalReview(scope(), id, Boolean.TRUE.equals(r.passed()), r.opinion());
	}

	record Collective(String participants, String minutes, String conclusion) {
	}

	@Operation(summary = "负责人集体讨论")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/collective-discussion")
	Review collective(@PathVariable long id, @RequestBody Collective c) {
		return proposals.collectiveDiscussion(scope(), id, c.participants(), c.minutes(), c.conclusion());
	}

	record NoticeRequest(String facts) {
	}

	@Operation(summary = "制作行政处罚事先告知书（符合第六十三条或达到较大数额的自动告知听证权利）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/notice")
	Notice notice(@PathVariable long id, @RequestBody NoticeRequest n) {
		return notices.issueNotice(scope(), id, n.facts());
	}

	/** 送达事先告知书: the method by its label (直接送达…电子送达) and what it needs — 留置's witnesses, the mail's number, the consent to 电子送达. */
	record Service(LocalDate servedOn, String method, String proof, String witnesses, String trackingNo, String consentRef) {
	}

	@Operation(summary = "送达事先告知书（开始计算陈述申辩、听证申请期限）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/notice/service")
	Notice serve(@PathVariable long id, @RequestBody Service s) {
		return notices.serveNotice(scope(), id, s.servedOn(), s.method(), s.proof(), s.witnesses(), s.trackingNo(), s.consentRef());
	}

	@Operation(summary = "当事人书面放弃陈述申辩（STATEMENT）或听证（HEARING）权利：附签名的放弃声明扫描件（file），并确认已核对签名（confirmed=true）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping(path = "/waivers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Notice waive(@PathVariable long id, @RequestParam(defaultValue = "") String right, @RequestParam(required = false) LocalDate on,
			@RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(required = false) MultipartFile file) throws IOException {
		return notices.waive(scope(), id, right, on, confirmed,
				file == null ? null : new Notices.SignedScan(file.getBytes(), file.getOriginalFilename(), file.getContentType()));
	}

	record StatementRequest(LocalDate receivedOn, String content) {
	}

	@Operation(summary = "记录当事人的陈述、申辩")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/statements")
	Statement statement(@PathVariable long id, @RequestBody StatementRequest s) {
		return notices.addStatement(scope(), id, s.receivedOn(), s.content());
	}

	record Reexamination(String result, String note) {
	}

	@Operation(summary = "复核陈述、申辩（ADOPTED 采纳、PARTLY 部分采纳、REJECTED 不予采纳）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/statements/{statementId}/reexamination")
	Statement reexamine(@PathVariable long id, @PathVariable long statementId, @RequestBody Reexamination r) {
		return notices.reexamine(scope(), id, statementId, r.result(), r.note());
	}

	record HearingRequest(LocalDate requestedOn) {
	}

	@Operation(summary = "当事人要求听证（送达后五个工作日内；办案期限中止计算）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/hearing")
	Hearing hearing(@PathVariable long id, @RequestBody HearingRequest r) {
		return hearings.requestHearing(scope(), id, r.requestedOn());
	}

	record Schedule(LocalDate noticeOn, LocalDate hearingDate, java.time.LocalTime hearingTime, String place, Long presidingId, List<String> agents) {
	}

	@Operation(summary = "安排听证（七个工作日前通知；主持人非本案调查人员；代理人不超过二人）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/hearing/schedule")
	Hearing schedule(@PathVariable long id, @RequestBody Schedule s) {
		return hearings.scheduleHearing(scope(), id, s.noticeOn(), s.hearingDate(), s.hearingTime(), s.place(), s.presidingId(), s.agents());
	}

	record Held(LocalDate heldOn, String transcript, String report) {
	}

	@Operation(summary = "听证笔录与听证报告（办案期限恢复计算）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/hearing/record")
	Hearing held(@PathVariable long id, @RequestBody Held h) {
		return hearings.recordHearing(scope(), id, h.heldOn(), h.transcript(), h.report());
	}

	/**
	 * A measure: the head who approved it by account ({@code approverId}) or by name ({@code approvedBy}), one of the
	 * body's 负责人 accounts; neither, when a head records it himself.
	 */
	record MeasureRequest(CaseMeasures.Kind kind, String items, Long approverId, String approvedBy, LocalDate appliedOn, Boolean avRecorded, String reason,
			String basis, String place, List<Long> officerIds) {
	}

	@Operation(summary = "先行登记保存（七个工作日内作出处理决定）或查封、扣押（须全程音像记录，三十日）；由本机关负责人批准：负责人本人登记即批准，执法人员登记的由所报负责人确认",
			description = "查封、扣押须写明理由 reason（不超过500字）和法律依据 basis（不超过300字），可写场所 place（不超过200字）、实施的执法人员 officerIds（不填为本案当日持有效证件的办案人员；两名以上，实施当日证件有效且覆盖本事项，行政强制法第十八条）：查封、扣押决定书载明它们（行政强制法第二十四条），之后可生成 SEIZURE-措施编号 的决定书")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/measures")
	CaseMeasures.MeasureView measure(@PathVariable long id, @RequestBody MeasureRequest m) {
		return measures.apply(scope(), id, new CaseMeasures.Taken(m.kind(), m.items(), m.reason(), m.basis(), m.place(), m.appliedOn(),
				Boolean.TRUE.equals(m.avRecorded()), m.officerIds()), m.approverId(), m.approvedBy());
	}

	/** The head's answer: {@code approved}, or refused with the {@code note} (the measure is then released at once). */
	record ApprovalDecision(Boolean approved, String note) {
	}

	@Operation(summary = "负责人确认批准或不予批准措施（不予批准的立即解除，行政强制法第十九条）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/measures/{measureId}/approval")
	CaseMeasures.MeasureView approveMeasure(@PathVariable long id, @PathVariable long measureId, @RequestBody ApprovalDecision d) {
		if (d.approved() == null) {
			throw zhifa.shared.BusinessRuleViolation.onField("approved", "请选择确认批准或不予批准");
		}
		return measures.decideApproval(scope(), id, measureId, d.approved(), d.note());
	}

	@Operation(summary = "延长查封、扣押期限（经批准，限一次三十日）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/measures/{measureId}/extension")
	CaseMeasures.MeasureView extendMeasure(@PathVariable long id, @PathVariable long measureId, @RequestBody Extension e) {
		return measures.extend(scope(), id, measureId, e.reason());
	}

	record MeasureOutcome(String outcome, zhifa.coercion.Measure.ReleaseGround releaseGround) {
	}

	@Operation(summary = "措施处理（解除、没收、移送检测等）", description = "解除查封、扣押的，releaseGround 填行政强制法第二十八条第一款的情形（NO_VIOLATION、UNRELATED、DEALT_WITH、EXPIRED、OTHER），之后可生成 SEIZURE_REL-措施编号 的解除决定书")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/measures/{measureId}/close")
	CaseMeasures.MeasureView closeMeasure(@PathVariable long id, @PathVariable long measureId, @RequestBody MeasureOutcome o) {
		return measures.close(scope(), id, measureId, o.outcome(), o.releaseGround());
	}

	@Operation(summary = "办案期限中止计算（检测检验、鉴定、公告、案件中止等不计入期限的事由）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/decision-pause")
	CaseTimer pause(@PathVariable long id, @RequestBody Extension e) {
		return investigation.pauseDecision(scope(), id, e.reason());
	}

	@Operation(summary = "办案期限恢复计算")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/decision-resume")
	CaseTimer resume(@PathVariable long id) {
		return investigation.resumeDecision(scope(), id);
	}

	record Extension(String reason) {
	}

	@Operation(summary = "延长办案期限（负责人批准，按本领域办案期限设置，市场监管为三十日；再次延长须集体讨论）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/decision-extension")
	CaseTimer extend(@PathVariable long id, @RequestBody Extension e) {
		return investigation.extendDecision(scope(), id, e.reason());
	}

	@Operation(summary = "作出决定（负责人；逐项校验法定关口，任何一项不满足即拒绝且不作任何改动）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/decision")
	PenaltyCase decide(@PathVariable long id, @RequestBody Decisions.DecisionForm f) {
		return decisions.decide(scope(), id, f);
	}
}

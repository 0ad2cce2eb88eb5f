package zhifa.penalty.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import zhifa.penalty.CaseProcedure;
import zhifa.penalty.CaseTimer;
import zhifa.penalty.DecisionGates;
import zhifa.penalty.DecisionOutcome;
import zhifa.penalty.EvidenceType;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;

@Tag(name = "行政处罚案件：调查至决定", description = "证据（按内容 SM3 保存）、笔录、回避、办案人员变更、处罚建议与裁量评估、法制审核、集体讨论、事先告知与送达、放弃权利、陈述申辩与复核、听证、延长期限、决定（全部法定关口校验）。金额单位：分")
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseProcedureApi {

	private final CaseProcedure procedure;
	private final PenaltyCases cases;

	CaseProcedureApi(CaseProcedure procedure, PenaltyCases cases) {
		this.procedure = procedure;
		this.cases = cases;
	}

	private static DataScope scope() {
		return Operator.current().scope();
	}

	record ProcedureView(List<CaseProcedure.Evidence> evidence, List<Map<String, Object>> transcripts, List<Map<String, Object>> recusals,
			Optional<CaseProcedure.Proposal> proposal, List<CaseProcedure.Review> reviews, Optional<CaseProcedure.Notice> notice,
			List<CaseProcedure.Statement> statements, Optional<CaseProcedure.Hearing> hearing, List<Map<String, Object>> pauses,
			List<String> legalReviewGrounds, List<String> collectiveGrounds, List<CaseProcedure.Measure> measures,
			List<DecisionGates.Result> decisionGates) {
	}

	@Operation(summary = "调查至决定的全部材料，以及按拟处罚内容评估的各项决定关口")
	@GetMapping("/procedure")
	ProcedureView procedure(@PathVariable long id) {
		PenaltyCase c = cases.get(scope(), id);
		var proposed = procedure.proposal(id).map(CaseProcedure.Proposal::sanction).orElse(new zhifa.penalty.Sanction(java.util.Set.of(), null, null));
		return new ProcedureView(procedure.evidence(id), procedure.transcripts(id), procedure.recusals(id), procedure.proposal(id), procedure.reviews(id),
				procedure.notice(id), procedure.statements(id), procedure.hearing(id), procedure.pauses(id), procedure.legalReviewGrounds(id),
				procedure.collectiveGrounds(id), procedure.measures(id), c.stage().ordinal() >= zhifa.penalty.CaseStage.FILED.ordinal() && c.stage() != zhifa.penalty.CaseStage.DECIDED
						? procedure.gates(c, DecisionOutcome.PENALTY, proposed) : List.of());
	}

	@Operation(summary = "收集证据（可附文件：JPG、PNG、PDF、MP3、MP4、文本，≤50MB）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	CaseProcedure.Evidence evidence(@PathVariable long id, @RequestParam(required = false) EvidenceType type,
			@RequestParam(defaultValue = "") String title, @RequestParam(required = false) LocalDate collectedOn,
			@RequestParam(defaultValue = "") String note, @RequestParam(required = false) MultipartFile file) throws IOException {
		return procedure.addEvidence(scope(), id, type, title, file == null ? null : file.getBytes(), file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getContentType(), collectedOn, note);
	}

	@Operation(summary = "下载证据文件")
	@GetMapping("/evidence/{evidenceId}/file")
	ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long evidenceId) {
		var e = procedure.evidence(id).stream().filter(x -> x.id() == evidenceId).findFirst();
		byte[] bytes = procedure.evidenceFile(scope(), id, evidenceId);
		return zhifa.shared.web.Downloads.file(e.map(CaseProcedure.Evidence::fileName).orElse("evidence"),
				MediaType.parseMediaType(e.map(CaseProcedure.Evidence::contentType).orElse("application/octet-stream")), bytes);
	}

	record Transcript(String kind, LocalDate heldOn, String place, String subject, String content) {
	}

	@Operation(summary = "询问笔录或现场检查笔录")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/transcripts")
	void transcript(@PathVariable long id, @RequestBody Transcript t) {
		procedure.addTranscript(scope(), id, t.kind(), t.heldOn(), t.place(), t.subject(), t.content());
	}

	record Recusal(Long officerId, String applicant, String reason) {
	}

	@Operation(summary = "回避申请")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/recusals")
	void recusal(@PathVariable long id, @RequestBody Recusal r) {
		procedure.applyRecusal(scope(), id, r.officerId() == null ? -1 : r.officerId(), r.applicant(), r.reason());
	}

	record RecusalDecision(Boolean granted, Long replacementOfficerId, String note) {
	}

	@Operation(summary = "负责人决定回避（回避后持证办案人员仍须两名以上）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/recusals/{recusalId}/decision")
	void decideRecusal(@PathVariable long id, @PathVariable long recusalId, @RequestBody RecusalDecision d) {
		procedure.decideRecusal(scope(), id, recusalId, Boolean.TRUE.equals(d.granted()), d.replacementOfficerId(), d.note());
	}

	record Officers(List<Long> officerIds, String reason) {
	}

	@Operation(summary = "变更办案人员")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/officers")
	PenaltyCase officers(@PathVariable long id, @RequestBody Officers o) {
		return procedure.changeOfficers(scope(), id, o.officerIds() == null ? List.of() : o.officerIds(), o.reason());
	}

	@Operation(summary = "提出处罚建议（调查终结报告、情节、拟处罚；自动进行裁量评估，偏离基准须说明理由）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/proposal")
	CaseProcedure.Proposal propose(@PathVariable long id, @RequestBody CaseProcedure.ProposalForm f) {
		return procedure.propose(scope(), id, f);
	}

	record ReviewResult(Boolean passed, String opinion) {
	}

	@Operation(summary = "法制审核（法制审核人员；初次审核须有法律职业资格）")
	@PreAuthorize("hasRole('LEGAL_REVIEWER')")
	@PostMapping("/legal-review")
	CaseProcedure.Review legalReview(@PathVariable long id, @RequestBody ReviewResult r) {
		return procedure.legalReview(scope(), id, Boolean.TRUE.equals(r.passed()), r.opinion());
	}

	record Collective(String participants, String minutes, String conclusion) {
	}

	@Operation(summary = "负责人集体讨论")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/collective-discussion")
	CaseProcedure.Review collective(@PathVariable long id, @RequestBody Collective c) {
		return procedure.collectiveDiscussion(scope(), id, c.participants(), c.minutes(), c.conclusion());
	}

	record NoticeRequest(String facts) {
	}

	@Operation(summary = "制作行政处罚事先告知书（符合第六十三条或达到较大数额的自动告知听证权利）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/notice")
	CaseProcedure.Notice notice(@PathVariable long id, @RequestBody NoticeRequest n) {
		return procedure.issueNotice(scope(), id, n.facts());
	}

	record Service(LocalDate servedOn, String method, String proof) {
	}

	@Operation(summary = "送达事先告知书（开始计算陈述申辩、听证申请期限）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/notice/service")
	CaseProcedure.Notice serve(@PathVariable long id, @RequestBody Service s) {
		return procedure.serveNotice(scope(), id, s.servedOn(), s.method(), s.proof());
	}

	record Waiver(String right, LocalDate on) {
	}

	@Operation(summary = "当事人书面放弃陈述申辩（STATEMENT）或听证（HEARING）权利")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/waivers")
	CaseProcedure.Notice waive(@PathVariable long id, @RequestBody Waiver w) {
		return procedure.waive(scope(), id, w.right(), w.on());
	}

	record StatementRequest(LocalDate receivedOn, String content) {
	}

	@Operation(summary = "记录当事人的陈述、申辩")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/statements")
	CaseProcedure.Statement statement(@PathVariable long id, @RequestBody StatementRequest s) {
		return procedure.addStatement(scope(), id, s.receivedOn(), s.content());
	}

	record Reexamination(String result, String note) {
	}

	@Operation(summary = "复核陈述、申辩（ADOPTED 采纳、PARTLY 部分采纳、REJECTED 不予采纳）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/statements/{statementId}/reexamination")
	CaseProcedure.Statement reexamine(@PathVariable long id, @PathVariable long statementId, @RequestBody Reexamination r) {
		return procedure.reexamine(scope(), id, statementId, r.result(), r.note());
	}

	record HearingRequest(LocalDate requestedOn) {
	}

	@Operation(summary = "当事人要求听证（送达后五个工作日内；办案期限中止计算）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/hearing")
	CaseProcedure.Hearing hearing(@PathVariable long id, @RequestBody HearingRequest r) {
		return procedure.requestHearing(scope(), id, r.requestedOn());
	}

	record Schedule(LocalDate noticeOn, LocalDate hearingDate, Long presidingId, List<String> agents) {
	}

	@Operation(summary = "安排听证（七个工作日前通知；主持人非本案调查人员；代理人不超过二人）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/hearing/schedule")
	CaseProcedure.Hearing schedule(@PathVariable long id, @RequestBody Schedule s) {
		return procedure.scheduleHearing(scope(), id, s.noticeOn(), s.hearingDate(), s.presidingId(), s.agents());
	}

	record Held(LocalDate heldOn, String transcript, String report) {
	}

	@Operation(summary = "听证笔录与听证报告（办案期限恢复计算）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/hearing/record")
	CaseProcedure.Hearing held(@PathVariable long id, @RequestBody Held h) {
		return procedure.recordHearing(scope(), id, h.heldOn(), h.transcript(), h.report());
	}

	record MeasureRequest(CaseProcedure.MeasureKind kind, String items, String approvedBy, LocalDate appliedOn, Boolean avRecorded) {
	}

	@Operation(summary = "先行登记保存（七个工作日内作出处理决定）或查封、扣押（须全程音像记录，三十日）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/measures")
	CaseProcedure.Measure measure(@PathVariable long id, @RequestBody MeasureRequest m) {
		return procedure.applyMeasure(scope(), id, m.kind(), m.items(), m.approvedBy(), m.appliedOn(), Boolean.TRUE.equals(m.avRecorded()));
	}

	@Operation(summary = "延长查封、扣押期限（经批准，限一次三十日）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/measures/{measureId}/extension")
	CaseProcedure.Measure extendMeasure(@PathVariable long id, @PathVariable long measureId, @RequestBody Extension e) {
		return procedure.extendMeasure(scope(), id, measureId, e.reason());
	}

	record MeasureOutcome(String outcome) {
	}

	@Operation(summary = "措施处理（解除、没收、移送检测等）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/measures/{measureId}/close")
	CaseProcedure.Measure closeMeasure(@PathVariable long id, @PathVariable long measureId, @RequestBody MeasureOutcome o) {
		return procedure.closeMeasure(scope(), id, measureId, o.outcome());
	}

	@Operation(summary = "办案期限中止计算（检测检验、鉴定、公告、案件中止等不计入期限的事由）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/decision-pause")
	CaseTimer pause(@PathVariable long id, @RequestBody Extension e) {
		return procedure.pauseDecision(scope(), id, e.reason());
	}

	@Operation(summary = "办案期限恢复计算")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/decision-resume")
	CaseTimer resume(@PathVariable long id) {
		return procedure.resumeDecision(scope(), id);
	}

	record Extension(String reason) {
	}

	@Operation(summary = "延长办案期限（负责人批准，三十日；再次延长须集体讨论）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/decision-extension")
	CaseTimer extend(@PathVariable long id, @RequestBody Extension e) {
		return procedure.extendDecision(scope(), id, e.reason());
	}

	@Operation(summary = "作出决定（负责人；逐项校验法定关口，任何一项不满足即拒绝且不作任何改动）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/decision")
	PenaltyCase decide(@PathVariable long id, @RequestBody CaseProcedure.DecisionForm f) {
		return procedure.decide(scope(), id, f);
	}
}

package zhifa.penalty.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.discretion.Circumstance;
import zhifa.discretion.PenaltyType;
import zhifa.casework.CaseEvidence;
import zhifa.penalty.decision.Decisions;
import zhifa.penalty.investigation.Investigation;
import zhifa.penalty.notice.Hearings;
import zhifa.penalty.notice.Notices;
import zhifa.penalty.proposal.Proposals;
import zhifa.penalty.DecisionOutcome;
import zhifa.casework.EvidenceType;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/** The case page's forms from investigation to decision; each posts, then returns to the case page with the result. */
@Controller
class CaseProcedureController {

	private final CaseEvidence evidence;
	private final Investigation investigation;
	private final Proposals proposals;
	private final Notices notices;
	private final Hearings hearings;
	private final Decisions decisions;
	private final CaseMeasures measures;

	CaseProcedureController(CaseEvidence evidence, Investigation investigation, Proposals proposals, Notices notices, Hearings hearings,
			Decisions decisions, CaseMeasures measures) {
		this.evidence = evidence;
		this.investigation = investigation;
		this.proposals = proposals;
		this.notices = notices;
		this.hearings = hearings;
		this.decisions = decisions;
		this.measures = measures;
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/evidence")
	String evidence(@PathVariable long id, @RequestParam(required = false) EvidenceType type, @RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) LocalDate collectedOn, @RequestParam(defaultValue = "") String note,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
		byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
		return PageActions.run(flash, "/cases/" + id, () -> {
			evidence.addEvidence(Operator.current().scope(), id, type, title, bytes, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getContentType(), collectedOn, note);
			return "已保存证据“" + title.strip() + "”";
		});
	}

	@GetMapping("/cases/{id}/evidence/{evidenceId}/file")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long evidenceId) {
		var e = evidence.evidence(id).stream().filter(x -> x.id() == evidenceId).findFirst();
		return zhifa.shared.web.Downloads.file(e.map(CaseEvidence.Evidence::fileName).orElse("evidence"),
				MediaType.parseMediaType(e.map(CaseEvidence.Evidence::contentType).orElse("application/octet-stream")),
				evidence.evidenceFile(Operator.current().scope(), id, evidenceId));
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/transcripts")
	String transcript(@PathVariable long id, @RequestParam(defaultValue = "") String kind, @RequestParam(required = false) LocalDate heldOn,
			@RequestParam(defaultValue = "") String place, @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String content,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			evidence.addTranscript(Operator.current().scope(), id, kind, heldOn, place, subject, content);
			return "已保存笔录";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/proposal")
	String propose(@PathVariable long id, @RequestParam(defaultValue = "") String report, @RequestParam(required = false) Set<Circumstance> circumstances,
			@RequestParam(required = false) BigDecimal illegalGainsYuan, @RequestParam(required = false) Set<PenaltyType> types,
			@RequestParam(required = false) BigDecimal fineYuan, @RequestParam(required = false) BigDecimal gainsYuan,
			@RequestParam(defaultValue = "") String property, @RequestParam(required = false) BigDecimal propertyValueYuan,
			@RequestParam(defaultValue = "") String deviationReason, @RequestParam(defaultValue = "false") boolean major,
			@RequestParam(defaultValue = "false") boolean complex, @RequestParam(required = false) String revisionReason, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			var p = proposals.propose(Operator.current().scope(), id, new Proposals.ProposalForm(report, circumstances, PageActions.fen(illegalGainsYuan), types,
					PageActions.fen(fineYuan), PageActions.fen(gainsYuan), property, PageActions.fen(propertyValueYuan), deviationReason, major, complex,
					revisionReason));
			return (revisionReason == null ? "已提出处罚建议：" : "已重新裁量：") + p.sanction().describe();
		});
	}

	@PreAuthorize("hasRole('LEGAL_REVIEWER')")
	@PostMapping("/cases/{id}/legal-review")
	String legalReview(@PathVariable long id, @RequestParam(defaultValue = "false") boolean passed, @RequestParam(defaultValue = "") String opinion,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "法制审核" + ("PASSED".equals(proposals.legalReview(Operator.current().scope(), id, passed, opinion).result()) ? "通过" : "退回"));
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/collective-discussion")
	String collective(@PathVariable long id, @RequestParam(defaultValue = "") String participants, @RequestParam(defaultValue = "") String minutes,
			@RequestParam(defaultValue = "") String conclusion, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			proposals.collectiveDiscussion(Operator.current().scope(), id, participants, minutes, conclusion);
			return "已记录集体讨论";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/notice")
	String notice(@PathVariable long id, @RequestParam(defaultValue = "") String facts, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> notices.issueNotice(Operator.current().scope(), id, facts).hearingRight() ? "已制作事先告知书（含听证权利）" : "已制作事先告知书");
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/notice/service")
	String serve(@PathVariable long id, @RequestParam(required = false) LocalDate servedOn, @RequestParam(defaultValue = "") String method,
			@RequestParam(defaultValue = "") String proof, @RequestParam(required = false) String witnesses, @RequestParam(required = false) String trackingNo,
			@RequestParam(required = false) String consentRef, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "已登记送达，陈述申辩期限至 "
				+ notices.serveNotice(Operator.current().scope(), id, servedOn, method, proof, witnesses, trackingNo, consentRef).statementDue());
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/waivers")
	String waive(@PathVariable long id, @RequestParam(defaultValue = "") String right, @RequestParam(required = false) LocalDate on,
			@RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash)
			throws IOException {
		var scan = file == null || file.isEmpty() ? null : new Notices.SignedScan(file.getBytes(), file.getOriginalFilename(), file.getContentType());
		return PageActions.run(flash, "/cases/" + id, () -> {
			notices.waive(Operator.current().scope(), id, right, on, confirmed, scan);
			return "已登记当事人书面放弃";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/statements")
	String statement(@PathVariable long id, @RequestParam(required = false) LocalDate receivedOn, @RequestParam(defaultValue = "") String content,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			notices.addStatement(Operator.current().scope(), id, receivedOn, content);
			return "已记录陈述、申辩，请复核";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/statements/{statementId}/reexamination")
	String reexamine(@PathVariable long id, @PathVariable long statementId, @RequestParam(defaultValue = "") String result,
			@RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			notices.reexamine(Operator.current().scope(), id, statementId, result, note);
			return "已复核";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/hearing")
	String requestHearing(@PathVariable long id, @RequestParam(required = false) LocalDate requestedOn, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			hearings.requestHearing(Operator.current().scope(), id, requestedOn);
			return "已登记听证申请，办案期限中止计算";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/hearing/schedule")
	String schedule(@PathVariable long id, @RequestParam(required = false) LocalDate noticeOn, @RequestParam(required = false) LocalDate hearingDate,
			@RequestParam(required = false) java.time.LocalTime hearingTime, @RequestParam(required = false) Long presidingId, @RequestParam(defaultValue = "") String agents, @RequestParam(defaultValue = "") String place,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			hearings.scheduleHearing(Operator.current().scope(), id, noticeOn, hearingDate, hearingTime, place, presidingId,
					Arrays.stream(agents.split("[、,，\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList());
			return "已安排听证";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/hearing/record")
	String held(@PathVariable long id, @RequestParam(required = false) LocalDate heldOn, @RequestParam(defaultValue = "") String transcript,
			@RequestParam(defaultValue = "") String report, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			hearings.recordHearing(Operator.current().scope(), id, heldOn, transcript, report);
			return "已记录听证，办案期限恢复计算";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/decision-extension")
	String extend(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "办案期限已延长至 " + investigation.extendDecision(Operator.current().scope(), id, reason).due());
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) DecisionOutcome outcome, @RequestParam(required = false) Set<PenaltyType> types,
			@RequestParam(required = false) BigDecimal fineYuan, @RequestParam(required = false) BigDecimal gainsYuan,
			@RequestParam(defaultValue = "") String property, @RequestParam(required = false) BigDecimal propertyValueYuan,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String educationRecord,
			@RequestParam(required = false) zhifa.penalty.TriageOutcome reasonCode, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			var c = decisions.decide(Operator.current().scope(), id, new Decisions.DecisionForm(outcome, types, PageActions.fen(fineYuan), PageActions.fen(gainsYuan), property,
					PageActions.fen(propertyValueYuan), text, educationRecord, reasonCode));
			return "已作出决定：" + c.decisionOutcome().label() + (c.decisionNumber() == null ? "" : "，决定书文号 " + c.decisionNumber());
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/measures")
	String measure(@PathVariable long id, @RequestParam(required = false) CaseMeasures.Kind kind, @RequestParam(defaultValue = "") String items,
			@RequestParam(required = false) Long approverId, @RequestParam(required = false) LocalDate appliedOn,
			@RequestParam(defaultValue = "false") boolean avRecorded, @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String basis,
			@RequestParam(defaultValue = "") String place, @RequestParam(required = false) List<Long> officerIds, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			var m = measures.apply(Operator.current().scope(), id,
					new CaseMeasures.Taken(kind, items, reason, basis, place, appliedOn, avRecorded, officerIds), approverId, null);
			return m.kind().label() + "已登记" + (m.approval() != null && m.approval().pending() ? "，待" + m.approval().approverName() + "确认批准" : "");
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/measures/{measureId}/approval")
	String approveMeasure(@PathVariable long id, @PathVariable long measureId, @RequestParam boolean approved, @RequestParam(defaultValue = "") String note,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			var m = measures.decideApproval(Operator.current().scope(), id, measureId, approved, note);
			return m.approval().state() + (approved || m.outcome() == null || !m.outcome().startsWith("负责人不予批准") ? "" : "，措施已解除");
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/measures/{measureId}/extension")
	String extendMeasure(@PathVariable long id, @PathVariable long measureId, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			measures.extend(Operator.current().scope(), id, measureId, reason);
			return "已延长";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/measures/{measureId}/close")
	String closeMeasure(@PathVariable long id, @PathVariable long measureId, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(required = false) zhifa.coercion.Measure.ReleaseGround releaseGround, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			measures.close(Operator.current().scope(), id, measureId, outcome, releaseGround);
			return "已处理";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/decision-pause")
	String pause(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "办案期限已中止计算（" + investigation.pauseDecision(Operator.current().scope(), id, reason).label() + "）");
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/decision-resume")
	String resume(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> "办案期限恢复计算，至 " + investigation.resumeDecision(Operator.current().scope(), id).due() + " 届满");
	}

	static List<String> transcriptKinds() {
		return List.of("INQUIRY", "INSPECTION");
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/recusals")
	String applyRecusal(@PathVariable long id, @RequestParam(required = false) Long officerId, @RequestParam(defaultValue = "") String applicant,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			investigation.applyRecusal(Operator.current().scope(), id, officerId == null ? -1 : officerId, applicant, reason);
			return "已登记回避申请，待负责人决定";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/recusals/{recusalId}/decision")
	String decideRecusal(@PathVariable long id, @PathVariable long recusalId, @RequestParam(required = false) Boolean granted,
			@RequestParam(required = false) Long replacementOfficerId, @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			if (granted == null) {
				throw zhifa.shared.BusinessRuleViolation.onField("granted", "请选择回避或不予回避");
			}
			investigation.decideRecusal(Operator.current().scope(), id, recusalId, granted, replacementOfficerId, note);
			return granted ? "已决定回避" : "已决定不予回避";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/officers")
	String changeOfficers(@PathVariable long id, @RequestParam(required = false) List<Long> officerIds, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			investigation.changeOfficers(Operator.current().scope(), id, officerIds == null ? List.of() : officerIds, reason);
			return "已变更办案人员";
		});
	}
}

package zhifa.inspection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.casework.CaseRecord;
import zhifa.inspection.visits.Visits;
import zhifa.shared.Operator;
import zhifa.shared.QrCode;
import zhifa.shared.web.PageActions;

/** A visit on a phone: who, where, the team with its QR code, the checklist per item, completion and publication. */
@Controller
@PreAuthorize("hasAnyRole('OFFICER','LEADER','LEGAL_REVIEWER','UNIT_ADMIN','SUPERVISOR','PLATFORM_ADMIN')")
class VisitController {

	private final Visits visits;
	private final zhifa.inspection.visits.Draws draws;
	private final zhifa.inspection.visits.VisitLists lists;
	private final zhifa.inspection.items.InspectionItems items;
	private final zhifa.inspection.visits.Merges merges;
	private final zhifa.casework.CaseDocuments documents;
	private final zhifa.casework.CaseEvidence evidence;
	private final zhifa.casework.CaseKinds kinds;
	private final CaseRecord record;
	private final zhifa.casework.Cases cases;
	private final Clock clock;
	private final String publicUrl;

	VisitController(Visits visits, zhifa.inspection.visits.Draws draws, zhifa.inspection.visits.VisitLists lists, zhifa.inspection.items.InspectionItems items,
			zhifa.inspection.visits.Merges merges, zhifa.casework.CaseDocuments documents, zhifa.casework.CaseEvidence evidence,
			zhifa.casework.CaseKinds kinds, CaseRecord record, zhifa.casework.Cases cases, Clock clock,
			@Value("${zhifa.public-base-url:http://localhost:${server.port:8080}}") String publicUrl) {
		this.cases = cases;
		this.visits = visits;
		this.draws = draws;
		this.lists = lists;
		this.items = items;
		this.merges = merges;
		this.documents = documents;
		this.evidence = evidence;
		this.kinds = kinds;
		this.record = record;
		this.clock = clock;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@GetMapping("/inspection/today")
	String today(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
			@org.springframework.web.bind.annotation.RequestParam(required = false) LocalDate until, Model model) {
		LocalDate today = LocalDate.now(clock);
		// the visits planned until a later day too (a week ahead, to plan the trips): at most 90 days ahead, never before today
		LocalDate last = until == null || until.isBefore(today) ? today : until.isAfter(today.plusDays(90)) ? today.plusDays(90) : until;
		var visits = lists.mine(Operator.current(), last, page, 50);
		model.addAttribute("page", visits);
		model.addAttribute("visits", visits.items());
		model.addAttribute("baseUrl", "/inspection/today?" + (last.equals(today) ? "" : "until=" + last + "&"));
		model.addAttribute("today", today);
		model.addAttribute("until", last);
		model.addAttribute("weekAhead", today.plusDays(6));
		return "inspection/today";
	}

	@GetMapping("/inspection/visits/new")
	String newVisit(Model model) {
		Operator me = Operator.current();
		model.addAttribute("ownItems", me.bodyId() == null ? List.of() : items.published(me.bodyId()));
		model.addAttribute("officers", me.bodyId() == null ? java.util.Map.of() : draws.officersOf(me.bodyId()));
		model.addAttribute("origins", java.util.Arrays.stream(Visits.Origin.values()).filter(o -> o != Visits.Origin.RANDOM).toList());
		model.addAttribute("today", LocalDate.now(clock));
		return "inspection/visit-new";
	}

	@PostMapping("/inspection/visits")
	String register(@RequestParam(required = false) String origin, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String uscc, @RequestParam(required = false) List<Long> itemIds,
			@RequestParam(required = false) LocalDate plannedOn, @RequestParam(required = false) List<Long> officerIds, RedirectAttributes flash) {
		long[] id = { 0 };
		String back = PageActions.run(flash, "/inspection/visits/new", () -> {
			id[0] = draws.register(Operator.current(), new zhifa.inspection.visits.Draws.Registration(null, origin, reason, uscc, itemIds, plannedOn,
					officerIds));
			return "已登记，待负责人批准后实施";
		});
		return id[0] > 0 ? "redirect:/inspection/visits/" + id[0] : back;
	}

	@GetMapping("/inspection/merges")
	String merges(Model model) {
		Operator me = Operator.current();
		model.addAttribute("proposals", merges.list(me.scope()));
		model.addAttribute("myBody", me.bodyId() == null ? -1L : me.bodyId());
		model.addAttribute("mayDecide", me.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN")));
		return "inspection/merges";
	}

	@PostMapping("/inspection/merges/{id}")
	String decideMerge(@PathVariable long id, @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/merges", () -> merges.decide(Operator.current(), id, "ACCEPT".equals(decision), reason).statusLabel());
	}

	@GetMapping("/inspection/visits/case/{caseId}")
	String byCase(@PathVariable long caseId) {
		long id = visits.idOfCase(caseId);
		visits.view(Operator.current(), id);
		return "redirect:/inspection/visits/" + id;
	}

	@GetMapping("/inspection/visits/{id}")
	String show(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		var v = visits.view(me, id);
		model.addAttribute("v", v);
		String url = publicUrl + "/scan/" + v.scanToken();
		model.addAttribute("scanUrl", url);
		model.addAttribute("qr", QrCode.svg(url));
		model.addAttribute("penaltyMatters", v.checks().stream().map(Visits.Check::bodyId).distinct()
			.collect(java.util.stream.Collectors.toMap(b -> b, visits::penaltyMatters)));
		// visits.view let the operator in (his body leads or is on the team): the case's record and documents are his to read
		model.addAttribute("timeline", record.timeline(zhifa.shared.DataScope.all(), cases.get(zhifa.shared.DataScope.all(), v.caseId())));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("isLeader", me.holdsAnyRole(List.of("LEADER")));
		model.addAttribute("proposals", merges.ofVisit(id));
		model.addAttribute("documents", documents.documents(zhifa.shared.DataScope.all(), v.caseId()));
		model.addAttribute("evidence", evidence.evidence(v.caseId()));
		model.addAttribute("transcripts", evidence.transcripts(v.caseId()));
		model.addAttribute("evidenceTypes", zhifa.casework.EvidenceType.values());
		// the page shows a step's form when the lifecycle allows it now and the operator holds one of its roles
		model.addAttribute("can", kinds.may(cases.get(zhifa.shared.DataScope.all(), v.caseId())));
		return "inspection/visit";
	}

	@PostMapping("/inspection/visits/{id}/checks")
	String check(@PathVariable long id, @RequestParam long itemId, @RequestParam(required = false) String result,
			@RequestParam(required = false) String note, @RequestParam(required = false) LocalDate rectifyBy,
			@RequestParam(required = false) Long penaltyMatterId, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/visits/" + id + "#item-" + itemId, () -> {
			visits.check(Operator.current(), id, itemId, result, note, rectifyBy, penaltyMatterId);
			return "已记录检查结果";
		});
	}

	@PostMapping("/inspection/visits/{id}/rechecks")
	String recheck(@PathVariable long id, @RequestParam long itemId, @RequestParam(required = false) Boolean passed,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/visits/" + id + "#item-" + itemId, () -> {
			visits.recheck(Operator.current(), id, itemId, passed, note);
			return "已记录整改复查";
		});
	}

	@PostMapping("/inspection/visits/{id}/notice")
	String notice(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String note, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/visits/" + id, () -> "已记录：" + visits.notice(Operator.current(), id, kind, note).noticeLabel());
	}

	@PostMapping("/inspection/visits/{id}/evidence")
	String evidence(@PathVariable long id, @RequestParam(required = false) zhifa.casework.EvidenceType type,
			@RequestParam(defaultValue = "") String title, @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
			RedirectAttributes flash) throws java.io.IOException {
		byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
		return PageActions.run(flash, "/inspection/visits/" + id + "#evidence", () -> {
			long caseId = visits.view(Operator.current(), id).caseId();
			evidence.addEvidence(zhifa.shared.DataScope.all(), caseId, type, title, bytes, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getContentType(), null, "");
			return "已保存证据“" + title.strip() + "”";
		});
	}

	@PostMapping("/inspection/visits/{id}/transcripts")
	String transcript(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) LocalDate heldOn,
			@RequestParam(required = false) String place, @RequestParam(required = false) String subject, @RequestParam(required = false) String content,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/visits/" + id + "#evidence", () -> {
			long caseId = visits.view(Operator.current(), id).caseId();
			return "已保存" + evidence.addTranscript(zhifa.shared.DataScope.all(), caseId, kind, heldOn, place, subject, content).kindLabel();
		});
	}

	@GetMapping("/inspection/visits/{id}/evidence/{evidenceId}/file")
	org.springframework.http.ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long evidenceId) {
		long caseId = visits.view(Operator.current(), id).caseId();
		var e = evidence.evidence(caseId).stream().filter(x -> x.id() == evidenceId).findFirst()
			.orElseThrow(() -> new zhifa.shared.NotFound("证据"));
		return zhifa.shared.web.Downloads.file(e.fileName() == null ? "evidence" : e.fileName(),
				org.springframework.http.MediaType.parseMediaType(e.contentType() == null ? "application/octet-stream" : e.contentType()),
				evidence.evidenceFile(zhifa.shared.DataScope.all(), caseId, evidenceId));
	}

	@GetMapping("/inspection/visits/{id}/documents/{documentId}/pdf")
	org.springframework.http.ResponseEntity<byte[]> documentPdf(@PathVariable long id, @PathVariable long documentId) {
		long caseId = visits.view(Operator.current(), id).caseId();
		var pdf = documents.pdf(zhifa.shared.DataScope.all(), caseId, documentId);
		return zhifa.shared.web.Downloads.file(pdf.fileName(), org.springframework.http.MediaType.APPLICATION_PDF, pdf.bytes());
	}

	@PostMapping("/inspection/visits/{id}/experts")
	String addExpert(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String expertise,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/visits/" + id + "#team", () -> {
			visits.addExpert(Operator.current(), id, name, expertise);
			return "已邀请专家协助检查";
		});
	}

	@PostMapping("/inspection/visits/{id}/recusal")
	String recuse(@PathVariable long id, @RequestParam long officerId, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/visits/" + id + "#team", () -> {
			draws.recuse(Operator.current(), id, officerId, reason);
			return "已决定回避，并按同一规则重新抽取了检查人员";
		});
	}

	@PostMapping("/inspection/visits/{id}/approval")
	String approve(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/visits/" + id, () -> {
			visits.approve(Operator.current(), id, reason);
			return "已批准实施检查";
		});
	}

	@PostMapping("/inspection/visits/{id}/completion")
	String complete(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/visits/" + id, () -> "已完成检查；检查结果应于 " + visits.complete(Operator.current(), id).publication().due()
				+ " 前公示");
	}

	@PostMapping("/inspection/visits/{id}/record-document")
	String recordDocument(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/visits/" + id + "#documents", () -> {
			var d = documents.generate(zhifa.shared.DataScope.all(), visits.view(Operator.current(), id).caseId(), "INSPECTION_RECORD");
			return "已生成" + d.label() + "（第" + d.version() + "版，" + d.pages() + "页）";
		});
	}

	@PostMapping("/inspection/visits/{id}/publication")
	String publish(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/visits/" + id, () -> "已公示检查结果：" + visits.publish(Operator.current(), id).outcome());
	}
}

package zhifa.supervision.document.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.record.RecordQueries;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.UploadedFile;
import zhifa.shared.web.Downloads;
import zhifa.shared.web.PageActions;
import zhifa.supervision.alert.Alert;
import zhifa.supervision.alert.Alerts;
import zhifa.supervision.document.DecisionKind;
import zhifa.supervision.document.DocumentType;
import zhifa.supervision.document.SupervisionDocument;
import zhifa.supervision.document.SupervisionDocuments;

/** 监督文书 pages: the form on an alert, the document with its PDF, the body's reply, the supervisor's acceptance or return. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_ADMIN','LEADER','PLATFORM_ADMIN')")
class DocumentController {

	private final SupervisionDocuments documents;
	private final Alerts alerts;
	private final RecordQueries records;
	private final Clock clock;

	DocumentController(SupervisionDocuments documents, Alerts alerts, RecordQueries records, Clock clock) {
		this.documents = documents;
		this.alerts = alerts;
		this.records = records;
		this.clock = clock;
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/supervision/documents/new")
	String form(@RequestParam(name = "alert", required = false) List<Long> alertIds, Model model, RedirectAttributes flash) {
		if (alertIds == null || alertIds.isEmpty()) {
			// a document is issued on alerts: without any, to the alerts with how it is done
			flash.addFlashAttribute("error", "监督文书针对预警发出：请在预警列表中打开要督办的预警，点击“督办（发出监督文书）”");
			return "redirect:/supervision/alerts";
		}
		List<Alert> linked = alerts.load(Operator.current().scope(), alertIds);
		if (linked.isEmpty() || linked.size() != alertIds.size()) {
			throw new zhifa.shared.NotFound("预警");
		}
		model.addAttribute("linked", linked);
		model.addAttribute("types", DocumentType.values());
		StringBuilder finding = new StringBuilder();
		linked.forEach(a -> finding.append(a.title()).append("：").append(a.reasoning()).append('\n'));
		model.addAttribute("finding", finding.toString().strip());
		return "supervision/document-form";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/documents")
	String issue(@RequestParam(name = "alertIds", required = false) List<Long> alertIds, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "") String finding, @RequestParam(defaultValue = "") String requiredAction,
			@RequestParam(required = false) Integer replyDays, RedirectAttributes flash) {
		List<Long> ids = alertIds == null ? List.of() : alertIds;
		String back = "/supervision/documents/new?" + String.join("&", ids.stream().map(i -> "alert=" + i).toList());
		List<String> created = new ArrayList<>();
		String target = PageActions.run(flash, back, () -> {
			DocumentType t = type == null ? null : java.util.Arrays.stream(DocumentType.values()).filter(x -> x.name().equals(type)).findFirst().orElse(null);
			SupervisionDocument d = documents.issue(new SupervisionDocuments.IssueForm(t, ids, null, null, finding, requiredAction, replyDays));
			created.add("/supervision/documents/" + d.id());
			return "已发出" + d.type().label() + "（" + d.number() + "）";
		});
		return created.isEmpty() ? target : "redirect:" + created.get(0);
	}

	/** The documents addressed to the bodies in the user's scope, by state or overdue, the latest first. */
	@GetMapping("/supervision/documents")
	String list(@RequestParam(required = false) zhifa.supervision.document.DocumentState state, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", documents.list(Operator.current().scope(), state, overdue, page, 20));
		model.addAttribute("state", state);
		model.addAttribute("overdue", overdue);
		model.addAttribute("states", zhifa.supervision.document.DocumentState.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("baseUrl", "/supervision/documents?" + (state != null ? "state=" + state.name() + "&" : "") + (overdue ? "overdue=true&" : ""));
		return "supervision/documents";
	}

	@GetMapping("/supervision/documents/{id}")
	String document(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		SupervisionDocument d = documents.get(me.scope(), id);
		model.addAttribute("doc", d);
		model.addAttribute("linked", alerts.load(me.scope(), d.alertIds()));
		model.addAttribute("history", records.timeline(me.scope(), SupervisionDocument.RECORD_SUBJECT, String.valueOf(id)));
		model.addAttribute("canReply", me.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER")) && me.bodyId() != null && me.bodyId() == d.bodyId() && d.state().awaitingReply());
		boolean canReview = me.holdsAnyRole(List.of("SUPERVISOR")) && d.state() == zhifa.supervision.document.DocumentState.REPLIED;
		model.addAttribute("canReview", canReview);
		// a reply saying 已整改 while the rules still find what the alerts found: the supervisor is told before accepting it
		boolean rectified = !d.replies().isEmpty() && "RECTIFIED".equals(d.replies().get(d.replies().size() - 1).kind());
		model.addAttribute("standing", canReview && rectified ? documents.standing(d) : List.of());
		model.addAttribute("standingForReply", Boolean.TRUE.equals(model.getAttribute("canReply")) ? documents.standing(d) : List.of());
		model.addAttribute("canDecide", me.holdsAnyRole(List.of("SUPERVISOR")));
		model.addAttribute("decisionKinds", DecisionKind.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/document";
	}

	@GetMapping("/supervision/documents/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		SupervisionDocument d = documents.get(Operator.current().scope(), id);
		return Downloads.file(d.type().label() + "（" + d.number() + "）.pdf", MediaType.APPLICATION_PDF, documents.pdf(Operator.current().scope(), id));
	}

	@GetMapping("/supervision/documents/{id}/replies/{replyId}/file")
	ResponseEntity<byte[]> replyFile(@PathVariable long id, @PathVariable long replyId) {
		var f = documents.replyFile(Operator.current().scope(), id, replyId);
		return Downloads.file(f.name(), MediaType.parseMediaType(f.contentType()), f.bytes());
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','LEADER')")
	@PostMapping("/supervision/documents/{id}/reply")
	String reply(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "EXPLAINED") String kind,
			@RequestParam(defaultValue = "") String explanation, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/documents/" + id, () -> {
			UploadedFile upload = null;
			if (file != null && !file.isEmpty()) {
				try {
					upload = UploadedFile.of(file.getBytes(), file.getContentType(), file.getOriginalFilename());
				}
				catch (IOException e) {
					throw BusinessRuleViolation.onField("file", "附件读取失败，请重新选择");
				}
			}
			documents.reply(id, version, "RECTIFIED".equals(kind), explanation, upload);
			return "已答复，等待监督机构审核";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/documents/{id}/accept")
	String accept(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String verification, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/documents/" + id, () -> {
			documents.accept(id, version, verification);
			return "已采纳答复，相关预警已核实关闭";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/documents/{id}/return")
	String returnReply(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/documents/" + id, () -> {
			documents.returnReply(id, version, reason);
			return "已退回答复";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/documents/{id}/decision")
	String decision(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String decisionKind,
			@RequestParam(defaultValue = "") String decisionText, @RequestParam(defaultValue = "") String outcome, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/documents/" + id, () -> {
			DecisionKind k = decisionKind == null ? null
					: java.util.Arrays.stream(DecisionKind.values()).filter(x -> x.name().equals(decisionKind)).findFirst().orElse(null);
			documents.recordDecision(id, version, k, decisionText, outcome);
			return "已记录行政执法监督决定";
		});
	}
}

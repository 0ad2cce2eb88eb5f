package zhifa.supervision.review.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import zhifa.casework.CaseDocuments;
import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseKinds;
import zhifa.casework.Cases;
import zhifa.record.RecordQueries;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.UploadedFile;
import zhifa.shared.web.Downloads;
import zhifa.shared.web.PageActions;
import zhifa.supervision.Ledger;
import zhifa.supervision.exchange.OurCodes;
import zhifa.supervision.review.CaseFileReviews;
import zhifa.supervision.review.ReviewExports;
import zhifa.supervision.review.ReviewScoring;
import zhifa.supervision.review.Rubrics;
import zhifa.supervision.review.RubricText;

/**
 * 案卷评查 pages: the supervisor's programmes and rubrics, the scoring page (the rubric beside the archived file), the
 * reviewer's and the audited body's own list.
 */
@Controller
class ReviewController {

	private final CaseFileReviews reviews;
	private final zhifa.supervision.review.ReviewFiles reviewFiles;
	private final Rubrics rubrics;
	private final ReviewScoring scoring;
	private final ReviewExports exports;
	private final Ledger ledger;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseDocuments documents;
	private final CaseEvidence evidence;
	private final RecordQueries records;
	private final java.time.Clock clock;
	private final zhifa.supervision.ReferralLookup referrals;

	ReviewController(CaseFileReviews reviews, zhifa.supervision.review.ReviewFiles reviewFiles, Rubrics rubrics, ReviewScoring scoring, ReviewExports exports, Ledger ledger, Cases cases, CaseKinds kinds, CaseDocuments documents,
			CaseEvidence evidence, RecordQueries records, java.time.Clock clock, zhifa.supervision.ReferralLookup referrals) {
		this.referrals = referrals;
		this.reviews = reviews;
		this.reviewFiles = reviewFiles;
		this.rubrics = rubrics;
		this.scoring = scoring;
		this.exports = exports;
		this.ledger = ledger;
		this.cases = cases;
		this.kinds = kinds;
		this.documents = documents;
		this.evidence = evidence;
		this.records = records;
		this.clock = clock;
	}

	// ---- supervisor: programmes and rubrics

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/supervision/reviews")
	String list(Model model) {
		Operator me = Operator.current();
		model.addAttribute("programmes", reviews.list(me.scope()));
		model.addAttribute("rubrics", rubrics.rubrics().stream().filter(Rubrics.RubricVersion::published).toList());
		model.addAttribute("kinds", OurCodes.KINDS);
		model.addAttribute("bodies", reviews.auditable(me.scope()));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/review/list";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/reviews")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) Long rubricId,
			@RequestParam(required = false) LocalDate closedFrom, @RequestParam(required = false) LocalDate closedTo,
			@RequestParam(required = false) List<String> kinds, @RequestParam(required = false) List<Long> bodyIds,
			@RequestParam(required = false) BigDecimal ratio, @RequestParam(required = false) Integer perFile,
			@RequestParam(required = false) Integer uploadDays, RedirectAttributes flash) {
		try {
			var p = reviews.create(Operator.current(), new CaseFileReviews.ProgrammeForm(title, rubricId, closedFrom, closedTo, kinds, bodyIds,
					ratio == null ? null : ratio.movePointLeft(2), perFile, uploadDays));
			flash.addFlashAttribute("message", "已设立评查活动，请确定评查人员后公布名录");
			return "redirect:/supervision/reviews/" + p.id();
		}
		catch (BusinessRuleViolation e) {
			return PageActions.run(flash, "/supervision/reviews", () -> {
				throw e;
			});
		}
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/supervision/reviews/{id}")
	String programme(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		var p = reviews.get(me.scope(), id);
		var rubric = rubrics.rubric(p.rubricId()).rubric();
		List<String> grades = ReviewScoring.grades(rubric);
		model.addAttribute("p", p);
		model.addAttribute("lead", me.bodyId() != null && me.bodyId() == p.bodyId());
		model.addAttribute("files", reviewFiles.files(id));
		model.addAttribute("results", scoring.results(id, grades));
		model.addAttribute("grades", grades);
		// those already on the list are not offered again
		var chosen = p.reviewers().stream().map(r -> r.accountId()).collect(java.util.stream.Collectors.toSet());
		model.addAttribute("candidates", reviews.candidates(me.scope()).stream().filter(c -> !chosen.contains(c.id())).toList());
		model.addAttribute("bodies", reviews.auditable(me.scope()));
		model.addAttribute("kindLabels", OurCodes.KINDS);
		model.addAttribute("preview", p.status() == zhifa.supervision.review.CaseFileReviews.Status.PLANNED ? reviews.preview(me.scope(), id) : List.of());
		return "supervision/review/programme";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/reviews/{id}/reviewers")
	String addReviewer(@PathVariable long id, @RequestParam(required = false) Long accountId, @RequestParam(required = false) List<Long> conflicts,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/reviews/" + id, () -> {
			reviews.addReviewer(Operator.current(), id, accountId, conflicts);
			return "已确定评查人员";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/reviews/{id}/reviewers/{accountId}/removal")
	String removeReviewer(@PathVariable long id, @PathVariable long accountId, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/reviews/" + id, () -> {
			reviews.removeReviewer(Operator.current(), id, accountId);
			return "已移除评查人员";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/reviews/{id}/commitment")
	String commit(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/reviews/" + id, () -> {
			var p = reviews.commit(Operator.current(), id, version);
			return "已公布案卷名录和承诺值：此后名录和评查人员不能再改，可以抽取案卷";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/supervision/reviews/{id}/canonical.txt")
	ResponseEntity<byte[]> canonical(@PathVariable long id) {
		var p = reviews.get(Operator.current().scope(), id);
		return Downloads.file(p.code() + "-名录.txt", MediaType.parseMediaType("text/plain;charset=UTF-8"),
				reviews.canonical(Operator.current().scope(), id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/reviews/{id}/draw")
	String draw(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/reviews/" + id, () -> {
			var p = reviews.draw(Operator.current(), id);
			return "已抽取案卷并分配评查人员（结果摘要 " + p.resultDigest() + "）";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/reviews/{id}/closing")
	String close(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/reviews/" + id, () -> {
			reviews.close(Operator.current(), id, version);
			return "评查活动已结束";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/supervision/reviews/{id}/results.xlsx")
	ResponseEntity<byte[]> excel(@PathVariable long id) {
		var p = reviews.get(Operator.current().scope(), id);
		return Downloads.xlsx(p.code() + "-评查结果.xlsx", exports.workbook(p));
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/supervision/reviews/{id}/report.pdf")
	ResponseEntity<byte[]> report(@PathVariable long id) {
		var p = reviews.get(Operator.current().scope(), id);
		return Downloads.file(p.code() + "-案卷评查情况报告.pdf", MediaType.APPLICATION_PDF, exports.report(p));
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/supervision/reviews/rubrics")
	String rubrics(@RequestParam(required = false) Long from, Model model) {
		var all = rubrics.rubrics();
		model.addAttribute("rubrics", all);
		var base = from == null ? null : rubrics.rubric(from);
		model.addAttribute("from", base);
		model.addAttribute("text", base == null ? "" : base.content());
		return "supervision/review/rubrics";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/reviews/rubrics")
	String draftRubric(@RequestParam(required = false) Long from, @RequestParam(required = false) String title, @RequestParam(required = false) String text,
			RedirectAttributes flash) {
		try {
			var r = rubrics.draftRubric(Operator.current(), from, title, text);
			flash.addFlashAttribute("message", "已保存" + r.label() + "，核对无误后发布");
			return "redirect:/supervision/reviews/rubrics/" + r.id();
		}
		catch (BusinessRuleViolation e) {
			PageActions.refuse(flash, e);
			flash.addFlashAttribute("title", title);
			flash.addFlashAttribute("draftText", text);
			return "redirect:/supervision/reviews/rubrics" + (from == null ? "" : "?from=" + from);
		}
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/supervision/reviews/rubrics/{id}")
	String rubric(@PathVariable long id, Model model) {
		var r = rubrics.rubric(id);
		model.addAttribute("r", r);
		model.addAttribute("formatted", RubricText.format(r.rubric()));
		model.addAttribute("publishedAt", r.publishedAt() == null ? null : zhifa.shared.web.Formats.at(r.publishedAt()));
		return "supervision/review/rubric";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/reviews/rubrics/{id}/publication")
	String publishRubric(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/reviews/rubrics/" + id, () -> {
			var r = rubrics.publishRubric(Operator.current(), id);
			return "已发布" + r.label() + "，此版本今后不再改变";
		});
	}

	// ---- everyone concerned: the file

	@GetMapping("/reviews")
	String mine(Model model) {
		Operator me = Operator.current();
		model.addAttribute("open", me.operatorId() == null ? List.of() : reviewFiles.assignedTo(me.operatorId(), true));
		model.addAttribute("done", me.operatorId() == null ? List.of() : reviewFiles.assignedTo(me.operatorId(), false));
		model.addAttribute("results", me.bodyId() == null ? List.of() : reviewFiles.resultsOfBody(me.bodyId()));
		model.addAttribute("uploads", me.bodyId() == null ? List.of() : reviewFiles.awaitingUpload(me.bodyId()));
		model.addAttribute("canUpload", me.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER")));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/review/mine";
	}

	@GetMapping("/reviews/files/{fileId}")
	String file(@PathVariable long fileId, Model model) {
		Operator me = Operator.current();
		var f = reviewFiles.visibleFile(me, fileId);
		var rubric = scoring.rubricOf(f);
		var p = reviews.get(DataScope.all(), f.programmeId());
		var act = ledger.find(f.actId()).orElseThrow();
		var mine = f.scores().stream().filter(s -> me.operatorId() != null && s.accountId() == me.operatorId()).findFirst().orElse(null);
		boolean lead = me.holdsAnyRole(List.of("SUPERVISOR")) && me.bodyId() != null && me.bodyId() == p.bodyId();
		boolean reviewer = mine != null;
		model.addAttribute("f", f);
		model.addAttribute("p", p);
		model.addAttribute("rubric", rubric);
		model.addAttribute("vetoTexts", f.vetoes().stream().map(rubric::text).toList());
		model.addAttribute("act", act);
		model.addAttribute("mine", mine);
		model.addAttribute("lead", lead);
		model.addAttribute("nobodyToUpload", f.awaitingUpload() && (lead || reviewer) && reviewFiles.nobodyToUpload(f.bodyId()));
		model.addAttribute("today", LocalDate.now(clock));
		// the audited body sees the result only; reviewers see each other's assessment once their own is in — the lead too,
		// when he is one of the file's reviewers (cross-review is independent)
		model.addAttribute("showScores", reviewer ? mine.submitted() || f.status() == CaseFileReviews.FileStatus.FINAL
				: lead || f.status() == CaseFileReviews.FileStatus.FINAL);
		model.addAttribute("proposals", reviewer || lead ? scoring.proposals(f, rubric) : Map.of());
		if (reviewer || lead) {
			// the 行刑衔接 of the case: what the veto "应当移送司法机关而未移送" is judged on (the court's result included)
			model.addAttribute("referrals", referrals.ofAct(f.actId()));
			DataScope scope = reviewFiles.readScope(me, f);
			if (f.platform()) {
				long caseId = Long.parseLong(f.externalId());
				var c = cases.get(scope, caseId);
				model.addAttribute("documents", documents.documents(scope, caseId));
				model.addAttribute("evidence", evidence.evidence(caseId));
				model.addAttribute("timeline", records.timeline(scope, kinds.of(c.kind()).recordSubject(), String.valueOf(caseId)));
				model.addAttribute("index", documents.fileIndex(caseId));
			}
		}
		return "supervision/review/file";
	}

	@PostMapping("/reviews/files/{fileId}/assessment")
	String submit(@PathVariable long fileId, @RequestParam int version, @RequestParam Map<String, String> form, RedirectAttributes flash) {
		return PageActions.run(flash, "/reviews/files/" + fileId, () -> {
			Map<String, ReviewScoring.MarkInput> marks = new HashMap<>();
			var f = reviewFiles.visibleFile(Operator.current(), fileId);
			for (String code : scoring.rubricOf(f).prechecks().keySet()) {
				String v = form.get("m_" + code);
				int count;
				try {
					count = v == null || v.isBlank() ? 0 : "on".equals(v) ? 1 : Integer.parseInt(v.strip());
				}
				catch (NumberFormatException e) {
					throw BusinessRuleViolation.onField("m_" + code, "“" + scoring.rubricOf(f).text(code) + "”的扣分次数应为0至50的整数");
				}
				marks.put(code, new ReviewScoring.MarkInput(count > 0, count, form.get("r_" + code), form.get("n_" + code)));
			}
			var after = scoring.submit(Operator.current(), fileId, version, marks);
			return "已提交评查意见" + (after.status() == CaseFileReviews.FileStatus.FINAL ? "，本案卷评查结果：" + after.total() + " 分，" + after.grade()
					: after.status() == CaseFileReviews.FileStatus.DIFFERENT ? "；评查意见不一致，待组长裁定" : "，等待其他评查人员");
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/reviews/files/{fileId}/resolution")
	String resolve(@PathVariable long fileId, @RequestParam int version, @RequestParam(required = false) Long scoreId,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/reviews/files/" + fileId, () -> {
			var f = scoring.resolve(Operator.current(), fileId, version, scoreId, reason);
			return "已裁定：" + f.total() + " 分，" + f.grade();
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/reviews/files/{fileId}/rectification")
	String rectify(@PathVariable long fileId, @RequestParam(required = false) String requiredAction, @RequestParam(required = false) Integer replyDays,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/reviews/files/" + fileId, () -> {
			scoring.rectify(Operator.current(), fileId, requiredAction, replyDays);
			return "已发出整改通知";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/reviews/files/{fileId}/not-provided")
	String notProvided(@PathVariable long fileId, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/reviews/files/" + fileId, () -> {
			scoring.notProvided(Operator.current(), fileId, reason);
			return "已按逾期未提供案卷记为不合格";
		});
	}

	@PostMapping("/reviews/files/{fileId}/upload")
	String upload(@PathVariable long fileId, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		return PageActions.run(flash, "/reviews", () -> {
			if (file == null || file.isEmpty()) {
				throw BusinessRuleViolation.onField("file", "请选择案卷的PDF文件");
			}
			try {
				reviewFiles.upload(Operator.current(), fileId, UploadedFile.of(file.getBytes(), file.getContentType(), file.getOriginalFilename()));
			}
			catch (IOException e) {
				throw BusinessRuleViolation.onField("file", "文件读取失败，请重新选择");
			}
			return "已上传案卷";
		});
	}

	@GetMapping("/reviews/files/{fileId}/uploaded")
	ResponseEntity<byte[]> uploaded(@PathVariable long fileId) {
		var u = reviewFiles.uploaded(Operator.current(), fileId);
		return Downloads.file(u.name(), MediaType.APPLICATION_PDF, u.bytes());
	}

	@GetMapping("/reviews/files/{fileId}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable long fileId, @PathVariable long documentId) {
		var f = reviewFiles.visibleFile(Operator.current(), fileId);
		if (!f.platform()) {
			throw new NotFound("文书");
		}
		var pdf = documents.pdf(reviewFiles.readScope(Operator.current(), f), Long.parseLong(f.externalId()), documentId);
		return Downloads.file(pdf.fileName(), MediaType.APPLICATION_PDF, pdf.bytes());
	}

	@GetMapping("/reviews/files/{fileId}/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidence(@PathVariable long fileId, @PathVariable long evidenceId) {
		var f = reviewFiles.visibleFile(Operator.current(), fileId);
		if (!f.platform()) {
			throw new NotFound("证据");
		}
		long caseId = Long.parseLong(f.externalId());
		var e = evidence.evidence(caseId).stream().filter(x -> x.id() == evidenceId).findFirst().orElseThrow(() -> new NotFound("证据"));
		byte[] bytes = evidence.evidenceFile(reviewFiles.readScope(Operator.current(), f), caseId, evidenceId);
		return Downloads.file(e.fileName(), MediaType.parseMediaType(e.contentType()), bytes);
	}
}

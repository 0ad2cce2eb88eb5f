package zhifa.officer.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import zhifa.officer.Exams;
import zhifa.officer.Officers;
import zhifa.organization.Domains;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.web.CurrentRoles;

/** 网上资格考试: organisers manage the bank and exams; a candidate sits a paper whose clock is kept by the server. */
@Controller
class ExamController {

	private final Exams exams;
	private final Officers officers;
	private final Domains domains;
	private final java.time.Clock clock;

	private final zhifa.officer.Qualifications qualifications;

	ExamController(Exams exams, Officers officers, Domains domains, java.time.Clock clock, zhifa.officer.Qualifications qualifications) {
		this.qualifications = qualifications;
		this.exams = exams;
		this.officers = officers;
		this.domains = domains;
		this.clock = clock;
	}

	private Long myOfficer() {
		var op = Operator.current();
		return op.operatorKind() == Operator.Kind.USER ? exams.officerOfUser(op.operatorId()).orElse(null) : null;
	}

	@GetMapping("/exams")
	String list(Model model) {
		Long me = myOfficer();
		boolean organiser = CurrentRoles.hasAny("PLATFORM_ADMIN", "SUPERVISOR", "UNIT_ADMIN");
		model.addAttribute("organiser", organiser);
		model.addAttribute("exams", organiser ? exams.exams(Operator.current().scope()) : List.of());
		model.addAttribute("myExams", me == null ? List.of() : exams.examsOf(me));
		List<Exams.Paper> papers = me == null ? List.of() : exams.papersOf(me);
		model.addAttribute("myPapers", papers);
		// an exam he has handed in is done: its result, not "进入考试" again
		model.addAttribute("handedIn", papers.stream().filter(p -> p.submittedAt() != null).collect(java.util.stream.Collectors.toMap(Exams.Paper::examId, p -> p, (a, b) -> a)));
		model.addAttribute("linked", me != null);
		model.addAttribute("now", clock.instant());
		model.addAttribute("domains", domains.active());
		model.addAttribute("pools", exams.poolSizes());
		return "officer/exams";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping("/exams")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) String domainCode,
			@RequestParam(defaultValue = "0") int publicCount, @RequestParam(defaultValue = "0") int professionalCount,
			@RequestParam(required = false) LocalDateTime opensAt, @RequestParam(required = false) LocalDateTime closesAt,
			@RequestParam(defaultValue = "60") int durationMinutes, @RequestParam(required = false) Integer passMark,
			@RequestParam(defaultValue = "false") boolean exemptQualified, @RequestParam(required = false) Long organiserBodyId,
			RedirectAttributes flash) {
		try {
			Long organiser = Operator.current().bodyId() != null ? Operator.current().bodyId() : organiserBodyId;
			if (organiser == null) {
				throw BusinessRuleViolation.onField("organiserBodyId", "请选择组织单位");
			}
			var exam = exams.createExam(organiser, new Exams.NewExam(title, domainCode == null || domainCode.isBlank() ? null : domainCode,
					publicCount, professionalCount, opensAt, closesAt, durationMinutes, passMark, exemptQualified), false);
			flash.addFlashAttribute("message", "已设立考试，请添加考生");
			return "redirect:/exams/" + exam.id();
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
			return "redirect:/exams";
		}
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@GetMapping("/exams/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
		model.addAttribute("exam", exams.exam(Operator.current().scope(), id));
		model.addAttribute("candidates", exams.candidates(Operator.current().scope(), id));
		model.addAttribute("q", q);
		if (q != null && !q.isBlank()) {
			model.addAttribute("found", officers.search(Operator.current().scope(), new Officers.Query(q, null, zhifa.officer.OfficerStatus.ON_DUTY, null), 0, 20).items());
		}
		return "officer/exam";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping("/exams/{id}/candidates")
	String addCandidates(@PathVariable long id, @RequestParam(required = false) List<Long> officerIds, RedirectAttributes flash) {
		try {
			int n = exams.addCandidates(Operator.current().scope(), id, officerIds == null ? List.of() : officerIds);
			flash.addFlashAttribute("message", "已添加 " + n + " 名考生");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/exams/" + id;
	}

	@PostMapping("/exams/{id}/start")
	String start(@PathVariable long id, RedirectAttributes flash) {
		Long me = myOfficer();
		if (me == null) {
			flash.addFlashAttribute("error", "您的账号尚未关联执法人员信息，请联系单位管理员");
			return "redirect:/exams";
		}
		try {
			return "redirect:/papers/" + exams.start(id, me).id();
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
			return "redirect:/exams";
		}
	}

	@GetMapping("/papers/{id}")
	String paper(@PathVariable long id, Model model, HttpServletResponse response) {
		Long me = myOfficer();
		var paper = exams.paper(id);
		if (me == null || paper.officerId() != me) {
			throw new NotFound("试卷");
		}
		if (paper.open() && !clock.instant().isBefore(paper.deadlineAt())) {
			paper = exams.submit(id, me);
		}
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("paper", paper);
		model.addAttribute("exam", exams.exam(paper.examId()));
		model.addAttribute("questions", exams.questionsOf(id));
		model.addAttribute("secondsLeft", Math.max(0, java.time.Duration.between(clock.instant(), paper.deadlineAt()).getSeconds()));
		model.addAttribute("nextStep", paper.open() ? null : qualifications.nextStep(me).orElse(null));
		return "officer/paper";
	}

	@PostMapping("/papers/{id}/answers/{seq}")
	String answer(@PathVariable long id, @PathVariable int seq, jakarta.servlet.http.HttpServletRequest request, Model model,
			HttpServletResponse response) {
		String[] given = request.getParameterValues("q" + seq);
		Long me = myOfficer();
		if (me == null) {
			throw new NotFound("试卷");
		}
		try {
			exams.answer(id, me, seq, given == null ? null : String.join("", given));
			model.addAttribute("seq", seq);
			model.addAttribute("saved", true);
		}
		catch (BusinessRuleViolation e) {
			response.setStatus(409);
			model.addAttribute("saved", false);
			model.addAttribute("error", e.getMessage());
		}
		return "officer/paper :: answerStatus";
	}

	@PostMapping("/papers/{id}/submit")
	String submit(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request, RedirectAttributes flash) {
		Long me = myOfficer();
		if (me == null) {
			throw new NotFound("试卷");
		}
		try {
			// answers posted with the final submit (for browsers without script); refused after the deadline
			for (var e : request.getParameterMap().entrySet()) {
				if (e.getKey().matches("q\\d+")) {
					exams.answer(id, me, Integer.parseInt(e.getKey().substring(1)), String.join("", e.getValue()));
				}
			}
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		var paper = exams.submit(id, me);
		flash.addFlashAttribute("message", "已交卷：" + (Boolean.TRUE.equals(paper.passed()) ? "合格" : "不合格"));
		return "redirect:/papers/" + id;
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@GetMapping("/exams/questions")
	String questions(@RequestParam(required = false) Exams.Part part, @RequestParam(required = false) String domain, Model model) {
		model.addAttribute("questions", exams.questions(part, domain));
		model.addAttribute("parts", Exams.Part.values());
		model.addAttribute("types", Exams.QuestionType.values());
		model.addAttribute("domains", domains.active());
		model.addAttribute("part", part);
		model.addAttribute("domain", domain);
		return "officer/questions";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping("/exams/questions")
	String addQuestion(@RequestParam(required = false) Exams.Part part, @RequestParam(required = false) String domainCode,
			@RequestParam(required = false) Exams.QuestionType type, @RequestParam(required = false) String stem,
			@RequestParam(required = false) String optionA, @RequestParam(required = false) String optionB,
			@RequestParam(required = false) String optionC, @RequestParam(required = false) String optionD,
			@RequestParam(required = false) String answer, @RequestParam(required = false) String explanation, RedirectAttributes flash) {
		try {
			exams.addQuestion(Operator.current().bodyId(), new Exams.NewQuestion(part, domainCode == null || domainCode.isBlank() ? null : domainCode,
					type, stem, Arrays.asList(optionA, optionB, optionC, optionD), answer, explanation));
			flash.addFlashAttribute("message", "已加入题库");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/exams/questions";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
	@PostMapping("/exams/questions/import")
	String importQuestions(@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new BusinessRuleViolation("请选择 Excel 文件（列：部分、执法领域、题型、题干、选项A至F、答案、解析）");
			}
			var result = exams.importQuestions(Operator.current().bodyId(), file.getInputStream());
			flash.addFlashAttribute("message", "已导入 " + result.created() + " 题");
			flash.addFlashAttribute("importErrors", result.errors());
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/exams/questions";
	}
}

package zhifa.officer;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import zhifa.organization.Domains;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.shared.ImportReport;
import zhifa.shared.NotFound;

/**
 * 网上资格考试 (方案任务4; RULES.md §3): a question bank per part (公共法律知识; 专业法律知识 per domain), exams with a window
 * of dates, a random paper per candidate, a time limit kept by the server (answers after the deadline are refused and the
 * paper is submitted as it stands), automatic scoring, and every paper and answer kept. The correct answers never leave
 * the server while a paper is open.
 */
@Service
public class Exams {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public enum Part {
		PUBLIC("公共法律知识"), PROFESSIONAL("专业法律知识");

		private final String label;

		Part(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum QuestionType {
		SINGLE("单选题"), MULTIPLE("多选题"), TRUE_FALSE("判断题");

		private final String label;

		QuestionType(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		static QuestionType fromLabel(String text) {
			for (QuestionType t : values()) {
				if (t.label.equals(text) || t.label.startsWith(text) || t.name().equalsIgnoreCase(text)) {
					return t;
				}
			}
			return null;
		}
	}

	/** A question for the bank (with its answer: administrators only). */
	public record Question(long id, Part part, String domainCode, QuestionType type, String stem, List<String> options,
			String answer, String explanation, boolean active) {
	}

	/** A question as the candidate sees it: never the answer. */
	public record PaperQuestion(int seq, Part part, QuestionType type, String stem, List<String> options, String given) {
	}

	public record Exam(long id, String title, String domainCode, int publicCount, int professionalCount, Instant opensAt,
			Instant closesAt, int durationMinutes, int passMark, boolean exemptQualified, long organiserBodyId, int candidates) {

		public boolean openAt(Instant t) {
			return !t.isBefore(opensAt) && t.isBefore(closesAt);
		}
	}

	public record Paper(long id, long examId, String examTitle, long officerId, String officerName, boolean publicExempt,
			Instant startedAt, Instant deadlineAt, Instant submittedAt, boolean autoSubmitted, Integer publicScore,
			Integer professionalScore, Boolean passed) {

		public boolean open() {
			return submittedAt == null;
		}
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final Domains domains;
	private final FullProcessRecord record;
	private final Clock clock;
	private final org.springframework.transaction.support.TransactionTemplate tx;

	Exams(NamedParameterJdbcTemplate jdbc, BodyScopes scopes, Domains domains, FullProcessRecord record, Clock clock,
			org.springframework.transaction.support.TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.domains = domains;
		this.record = record;
		this.clock = clock;
		this.tx = tx;
	}

	// ---- question bank

	public record NewQuestion(Part part, String domainCode, QuestionType type, String stem, List<String> options, String answer,
			String explanation) {
	}

	@Transactional
	public long addQuestion(Long ownerBodyId, NewQuestion q) {
		String problem = problem(q);
		if (problem != null) {
			throw new BusinessRuleViolation(problem);
		}
		List<String> options = q.type() == QuestionType.TRUE_FALSE ? List.of() : q.options().stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
		long id = jdbc.queryForObject("""
				insert into exam_question (part, domain_code, type, stem, options, answer, explanation, owner_body_id, created_at)
				values (:p, :d, :t, :s, :o, :a, :e, :b, now()) returning id""",
				new MapSqlParameterSource().addValue("p", q.part().name()).addValue("d", q.part() == Part.PROFESSIONAL ? q.domainCode() : null)
					.addValue("t", q.type().name()).addValue("s", q.stem().strip()).addValue("o", JSON.writeValueAsString(options))
					.addValue("a", ExamScoring.normalise(q.answer())).addValue("e", q.explanation()).addValue("b", ownerBodyId),
				Long.class);
		record.append("exam_question", id, ownerBodyId, "exam.question_added", "题库新增" + q.type().label() + "（" + q.part().label() + "）",
				Map.of("stem", q.stem().strip()));
		return id;
	}

	private String problem(NewQuestion q) {
		if (q.part() == null) {
			return "请选择题目所属部分（公共法律知识或专业法律知识）";
		}
		if (q.part() == Part.PROFESSIONAL && (q.domainCode() == null || !domains.exists(q.domainCode()))) {
			return "专业法律知识题须指定存在的执法领域";
		}
		if (q.type() == null) {
			return "题型应为单选题、多选题或判断题";
		}
		if (q.stem() == null || q.stem().isBlank()) {
			return "请填写题干";
		}
		String answer = ExamScoring.normalise(q.answer());
		if (answer == null) {
			return "请填写正确答案（选项字母，判断题填“对”或“错”）";
		}
		if (q.type() == QuestionType.TRUE_FALSE) {
			return answer.equals("T") || answer.equals("F") ? null : "判断题的答案应为“对”或“错”";
		}
		long options = q.options() == null ? 0 : q.options().stream().filter(o -> o != null && !o.isBlank()).count();
		if (options < 2) {
			return "选择题至少需要两个选项";
		}
		if (answer.equals("T") || answer.chars().anyMatch(c -> c - 'A' >= options)) {
			return "答案“" + answer + "”超出了选项范围";
		}
		if (q.type() == QuestionType.SINGLE && answer.length() != 1) {
			return "单选题只能有一个正确答案";
		}
		if (q.type() == QuestionType.MULTIPLE && answer.length() < 2) {
			return "多选题应有两个或以上正确答案";
		}
		return null;
	}

	public List<Question> questions(Part part, String domainCode) {
		Map<String, Object> p = new HashMap<>();
		String where = "true";
		if (part != null) {
			where += " and part = :p";
			p.put("p", part.name());
		}
		if (domainCode != null && !domainCode.isBlank()) {
			where += " and domain_code = :d";
			p.put("d", domainCode);
		}
		return jdbc.query("select * from exam_question where " + where + " order by part, domain_code nulls first, id", p, (rs, i) -> question(rs));
	}

	public Map<String, Integer> poolSizes() {
		Map<String, Integer> sizes = new TreeMap<>();
		jdbc.query("select coalesce(domain_code, 'PUBLIC'), count(*) from exam_question where active group by 1", Map.of(),
				rs -> {
					sizes.put(rs.getString(1), rs.getInt(2));
				});
		return sizes;
	}

	/** Questions from Excel: 部分 | 执法领域 | 题型 | 题干 | 选项A…F | 答案 | 解析. Good rows are kept. */
	public ImportReport importQuestions(Long ownerBodyId, InputStream xlsx) {
		List<ImportReport.RowError> errors = new ArrayList<>();
		int added = 0;
		List<List<String>> table = Excel.read(xlsx, 12);
		for (int r = 1; r < table.size(); r++) {
			List<String> c = table.get(r);
			if (c.stream().allMatch(String::isEmpty)) {
				continue;
			}
			Part part = c.get(0).startsWith("公共") ? Part.PUBLIC : c.get(0).startsWith("专业") ? Part.PROFESSIONAL : null;
			String domain = c.get(1).isEmpty() ? null : domains.byCodeOrName(c.get(1)).map(Domains.Domain::code).orElse("?" + c.get(1));
			NewQuestion q = new NewQuestion(part, domain, QuestionType.fromLabel(c.get(2)), c.get(3), c.subList(4, 10), c.get(10),
					c.get(11).isEmpty() ? null : c.get(11));
			try {
				tx.executeWithoutResult(status -> addQuestion(ownerBodyId, q));
				added++;
			}
			catch (BusinessRuleViolation e) {
				errors.add(new ImportReport.RowError(r + 1, c.get(3), e.getMessage()));
			}
		}
		return new ImportReport(added, errors);
	}

	// ---- exams

	public record NewExam(String title, String domainCode, int publicCount, int professionalCount, LocalDateTime opensAt,
			LocalDateTime closesAt, int durationMinutes, Integer passMark, boolean exemptQualified) {
	}

	@Transactional
	public Exam createExam(long organiserBodyId, NewExam e, boolean demo) {
		if (e.title() == null || e.title().isBlank()) {
			throw BusinessRuleViolation.onField("title", "请填写考试名称");
		}
		if (e.publicCount() < 0 || e.professionalCount() < 0 || e.publicCount() + e.professionalCount() == 0) {
			throw BusinessRuleViolation.onField("publicCount", "请设置各部分的题目数量（至少一部分大于0）");
		}
		if (e.professionalCount() > 0 && (e.domainCode() == null || !domains.exists(e.domainCode()))) {
			throw BusinessRuleViolation.onField("domainCode", "含专业法律知识部分的考试须指定执法领域");
		}
		if (e.opensAt() == null || e.closesAt() == null || !e.closesAt().isAfter(e.opensAt())) {
			throw BusinessRuleViolation.onField("closesAt", "请填写考试开放时间，结束时间应晚于开始时间");
		}
		if (e.durationMinutes() < 5 || e.durationMinutes() > 600) {
			throw BusinessRuleViolation.onField("durationMinutes", "考试时长应在5至600分钟之间");
		}
		int passMark = e.passMark() == null ? 60 : e.passMark();
		if (passMark < 1 || passMark > 100) {
			throw BusinessRuleViolation.onField("passMark", "合格分数线应在1至100之间");
		}
		Map<String, Integer> pools = poolSizes();
		if (pools.getOrDefault("PUBLIC", 0) < e.publicCount()) {
			throw BusinessRuleViolation.onField("publicCount", "公共法律知识题库只有 " + pools.getOrDefault("PUBLIC", 0) + " 题，不足 " + e.publicCount() + " 题");
		}
		if (e.professionalCount() > 0 && pools.getOrDefault(e.domainCode(), 0) < e.professionalCount()) {
			throw BusinessRuleViolation.onField("professionalCount",
					"该领域专业法律知识题库只有 " + pools.getOrDefault(e.domainCode(), 0) + " 题，不足 " + e.professionalCount() + " 题");
		}
		var zone = clock.getZone();
		long id = jdbc.queryForObject("""
				insert into exam (title, domain_code, public_count, professional_count, opens_at, closes_at, duration_minutes, pass_mark,
				  exempt_qualified, organiser_body_id, demo, created_at)
				values (:t, :d, :pc, :fc, :o, :c, :m, :pm, :x, :b, :demo, now()) returning id""",
				new MapSqlParameterSource().addValue("t", e.title().strip()).addValue("d", e.professionalCount() > 0 ? e.domainCode() : null)
					.addValue("pc", e.publicCount()).addValue("fc", e.professionalCount())
					.addValue("o", Timestamp.from(e.opensAt().atZone(zone).toInstant())).addValue("c", Timestamp.from(e.closesAt().atZone(zone).toInstant()))
					.addValue("m", e.durationMinutes()).addValue("pm", passMark).addValue("x", e.exemptQualified()).addValue("b", organiserBodyId)
					.addValue("demo", demo),
				Long.class);
		record.append("exam", id, organiserBodyId, "exam.created", "设立考试“" + e.title().strip() + "”",
				Map.of("publicCount", e.publicCount(), "professionalCount", e.professionalCount(), "durationMinutes", e.durationMinutes(),
						"passMark", passMark, "opensAt", e.opensAt().toString(), "closesAt", e.closesAt().toString()));
		return exam(id);
	}

	private static final String EXAM_SELECT = "select e.*, (select count(*) from exam_candidate c where c.exam_id = e.id) as candidates from exam e";

	public Exam exam(long id) {
		return jdbc.query(EXAM_SELECT + " where e.id = :id", Map.of("id", id), (rs, i) -> exam(rs)).stream().findFirst()
			.orElseThrow(() -> new NotFound("考试"));
	}

	public List<Exam> exams(DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		String visible = scope.kind() == DataScope.Kind.ALL ? "true"
				: "(" + scopes.sqlCondition(scope, "e.organiser_body_id", p) + " or exists (select 1 from exam_candidate c join officer o on o.id = c.officer_id where c.exam_id = e.id and "
						+ scopes.sqlCondition(scope, "o.body_id", p) + "))";
		return jdbc.query(EXAM_SELECT + " where " + visible + " order by e.opens_at desc", p, (rs, i) -> exam(rs));
	}

	@Transactional
	public int addCandidates(DataScope scope, long examId, Collection<Long> officerIds) {
		Exam exam = exam(examId);
		int added = 0;
		for (Long officerId : officerIds) {
			var rows = jdbc.queryForList("select body_id, staffing_type, status from officer where id = :id", Map.of("id", officerId));
			if (rows.isEmpty() || !scopes.covers(scope, ((Number) rows.get(0).get("body_id")).longValue())
					&& !scopes.covers(scope, exam.organiserBodyId())) {
				throw new NotFound("执法人员");
			}
			if (StaffingType.AUXILIARY.name().equals(rows.get(0).get("staffing_type"))) {
				throw new BusinessRuleViolation("辅助人员不能参加执法资格考试");
			}
			added += jdbc.update("insert into exam_candidate (exam_id, officer_id) values (:e, :o) on conflict do nothing",
					Map.of("e", examId, "o", officerId));
		}
		if (added > 0) {
			record.append("exam", examId, exam.organiserBodyId(), "exam.candidates_added", "考试“" + exam.title() + "”报名 " + added + " 人",
					Map.of("officerIds", List.copyOf(officerIds)));
		}
		return added;
	}

	/** A candidate of an exam and, once they sat it, their paper's result. */
	public record Candidate(long officerId, String name, String bodyName, Long paperId, Instant submittedAt, Integer publicScore,
			Integer professionalScore, Boolean passed, Boolean publicExempt, Boolean autoSubmitted) {
	}

	public List<Candidate> candidates(long examId) {
		return candidates(DataScope.all(), examId);
	}

	/**
	 * An exam as the user may see it: the organiser sees it whole; a body whose officers sit it sees it with its own
	 * candidates only (another body's candidates and scores are theirs); anyone else finds no such exam.
	 */
	public Exam exam(DataScope scope, long id) {
		Exam e = exam(id);
		if (!scopes.covers(scope, e.organiserBodyId()) && candidates(scope, id).isEmpty()) {
			throw new NotFound("考试");
		}
		return e;
	}

	/** The candidates the user may see: all of them for the organiser, otherwise those of the bodies in the user's scope. */
	public List<Candidate> candidates(DataScope scope, long examId) {
		Map<String, Object> p = new HashMap<>();
		p.put("e", examId);
		String visible = scope.kind() == DataScope.Kind.ALL || scopes.covers(scope, exam(examId).organiserBodyId()) ? "true" : scopes.sqlCondition(scope, "o.body_id", p);
		return jdbc.query("""
				select o.id as officer_id, o.name, b.name as body_name, p.id as paper_id, p.submitted_at, p.public_score,
				  p.professional_score, p.passed, p.public_exempt, p.auto_submitted
				from exam_candidate c join officer o on o.id = c.officer_id join body_view b on b.id = o.body_id
				left join exam_paper p on p.exam_id = c.exam_id and p.officer_id = c.officer_id
				where c.exam_id = :e and\s""" + visible + " order by b.name, o.name", p,
				(rs, i) -> new Candidate(rs.getLong("officer_id"), rs.getString("name"), rs.getString("body_name"), (Long) rs.getObject("paper_id"),
						rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(), (Integer) rs.getObject("public_score"),
						(Integer) rs.getObject("professional_score"), (Boolean) rs.getObject("passed"), (Boolean) rs.getObject("public_exempt"),
						(Boolean) rs.getObject("auto_submitted")));
	}

	/** The officer linked to a user account, if any. */
	public Optional<Long> officerOfUser(Long userId) {
		if (userId == null) {
			return Optional.empty();
		}
		return jdbc.queryForList("select id from officer where user_id = :u", Map.of("u", userId), Long.class).stream().findFirst();
	}

	public List<Exam> examsOf(long officerId) {
		return jdbc.query(EXAM_SELECT + " join exam_candidate c on c.exam_id = e.id where c.officer_id = :o order by e.opens_at desc",
				Map.of("o", officerId), (rs, i) -> exam(rs));
	}

	/** Starts (or resumes) the candidate's paper: questions drawn at random from the active bank. */
	@Transactional
	public Paper start(long examId, long officerId) {
		Exam exam = exam(examId);
		if (jdbc.queryForObject("select count(*) from exam_candidate where exam_id = :e and officer_id = :o", Map.of("e", examId, "o", officerId),
				Integer.class) == 0) {
			throw new BusinessRuleViolation("您不在本次考试的考生名单中");
		}
		Optional<Paper> existing = paperOf(examId, officerId);
		if (existing.isPresent()) {
			return finaliseIfExpired(existing.get());
		}
		Instant now = clock.instant();
		if (!exam.openAt(now)) {
			throw new BusinessRuleViolation("不在考试开放时间内（" + zhifaTime(exam.opensAt()) + " 至 " + zhifaTime(exam.closesAt()) + "）");
		}
		var officer = jdbc.queryForMap("select name, body_id, legal_qualification_no from officer where id = :o", Map.of("o", officerId));
		boolean exempt = exam.publicCount() > 0 && exam.exemptQualified() && officer.get("legal_qualification_no") != null;
		Instant deadline = now.plus(Duration.ofMinutes(exam.durationMinutes()));
		if (deadline.isAfter(exam.closesAt())) {
			deadline = exam.closesAt();
		}
		long paperId = jdbc.queryForObject("""
				insert into exam_paper (exam_id, officer_id, public_exempt, started_at, deadline_at) values (:e, :o, :x, :s, :d) returning id""",
				new MapSqlParameterSource().addValue("e", examId).addValue("o", officerId).addValue("x", exempt)
					.addValue("s", Timestamp.from(now)).addValue("d", Timestamp.from(deadline)),
				Long.class);
		List<long[]> drawn = new ArrayList<>();
		if (exam.publicCount() > 0 && !exempt) {
			draw("part = 'PUBLIC'", Map.of(), exam.publicCount()).forEach(q -> drawn.add(new long[] { q, 0 }));
		}
		if (exam.professionalCount() > 0) {
			draw("part = 'PROFESSIONAL' and domain_code = :d", Map.of("d", exam.domainCode()), exam.professionalCount())
				.forEach(q -> drawn.add(new long[] { q, 1 }));
		}
		List<MapSqlParameterSource> items = new ArrayList<>();
		for (int i = 0; i < drawn.size(); i++) {
			items.add(new MapSqlParameterSource().addValue("p", paperId).addValue("s", i + 1).addValue("q", drawn.get(i)[0])
				.addValue("part", drawn.get(i)[1] == 0 ? "PUBLIC" : "PROFESSIONAL"));
		}
		jdbc.batchUpdate("insert into exam_paper_item (paper_id, seq, question_id, part) values (:p, :s, :q, :part)",
				items.toArray(MapSqlParameterSource[]::new));
		record.append("exam_paper", paperId, ((Number) officer.get("body_id")).longValue(), "exam.paper_started",
				officer.get("name") + "开始考试“" + exam.title() + "”" + (exempt ? "（持法律职业资格，免考公共法律知识）" : ""),
				Map.of("questions", drawn.size(), "deadline", deadline.toString()));
		return paper(paperId);
	}

	private List<Long> draw(String where, Map<String, Object> params, int count) {
		List<Long> pool = new ArrayList<>(jdbc.queryForList("select id from exam_question where active and " + where, params, Long.class));
		if (pool.size() < count) {
			throw new BusinessRuleViolation("题库题目不足，无法组卷，请联系考试组织单位");
		}
		Collections.shuffle(pool, new java.security.SecureRandom());
		return pool.subList(0, count);
	}

	public Optional<Paper> paperOf(long examId, long officerId) {
		return jdbc.query(PAPER_SELECT + " where p.exam_id = :e and p.officer_id = :o", Map.of("e", examId, "o", officerId), (rs, i) -> paper(rs))
			.stream().findFirst();
	}

	private static final String PAPER_SELECT = "select p.*, e.title as exam_title, o.name as officer_name from exam_paper p "
			+ "join exam e on e.id = p.exam_id join officer o on o.id = p.officer_id";

	public Paper paper(long paperId) {
		return jdbc.query(PAPER_SELECT + " where p.id = :id", Map.of("id", paperId), (rs, i) -> paper(rs)).stream().findFirst()
			.orElseThrow(() -> new NotFound("试卷"));
	}

	/** The questions of a paper without their answers, with what the candidate has chosen so far. */
	public List<PaperQuestion> questionsOf(long paperId) {
		return jdbc.query("""
				select i.seq, i.part, q.type, q.stem, q.options, i.given from exam_paper_item i join exam_question q on q.id = i.question_id
				where i.paper_id = :p order by i.seq""", Map.of("p", paperId),
				(rs, n) -> new PaperQuestion(rs.getInt("seq"), Part.valueOf(rs.getString("part")), QuestionType.valueOf(rs.getString("type")),
						rs.getString("stem"), JSON.readValue(rs.getString("options"), new TypeReference<List<String>>() {
						}), rs.getString("given")));
	}

	/** Saves one answer; refused once the paper's deadline has passed (the paper is then submitted as it stands). */
	@Transactional
	public Paper answer(long paperId, long officerId, int seq, String given) {
		Paper paper = ownPaper(paperId, officerId);
		if (paper.open() && !clock.instant().isBefore(paper.deadlineAt())) {
			// the late answer is refused, but the paper is submitted as it stands whatever happens to this transaction
			var own = new org.springframework.transaction.support.TransactionTemplate(tx.getTransactionManager());
			own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			own.executeWithoutResult(status -> finalise(paper(paperId), true));
			paper = paper(paperId);
		}
		if (!paper.open()) {
			throw new BusinessRuleViolation("考试时间已到或试卷已交，答案不能再修改");
		}
		int n = jdbc.update("update exam_paper_item set given = :g where paper_id = :p and seq = :s",
				new MapSqlParameterSource().addValue("g", ExamScoring.normalise(given)).addValue("p", paperId).addValue("s", seq));
		if (n == 0) {
			throw new NotFound("试题");
		}
		return paper;
	}

	@Transactional
	public Paper submit(long paperId, long officerId) {
		Paper paper = finaliseIfExpired(ownPaper(paperId, officerId));
		if (!paper.open()) {
			return paper;
		}
		return finalise(paper, false);
	}

	private Paper ownPaper(long paperId, long officerId) {
		Paper paper = paper(paperId);
		if (paper.officerId() != officerId) {
			throw new NotFound("试卷");
		}
		return paper;
	}

	private Paper finaliseIfExpired(Paper paper) {
		if (paper.open() && !clock.instant().isBefore(paper.deadlineAt())) {
			return finalise(paper, true);
		}
		return paper;
	}

	/** Submits every paper whose time is up (the candidate closed the browser). */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	@SchedulerLock(name = "exam-timeouts", lockAtMostFor = "PT5M")
	@Transactional
	public void submitExpiredPapers() {
		jdbc.queryForList("select id from exam_paper where submitted_at is null and deadline_at <= :now",
				Map.of("now", Timestamp.from(clock.instant())), Long.class).forEach(id -> finalise(paper(id), true));
	}

	private Paper finalise(Paper paper, boolean timedOut) {
		Exam exam = exam(paper.examId());
		int[] correct = new int[2];
		int[] total = new int[2];
		List<Map<String, Object>> items = jdbc.queryForList("""
				select i.seq, i.part, i.given, q.answer from exam_paper_item i join exam_question q on q.id = i.question_id where i.paper_id = :p""",
				Map.of("p", paper.id()));
		List<MapSqlParameterSource> marks = new ArrayList<>();
		for (Map<String, Object> item : items) {
			int part = "PUBLIC".equals(item.get("part")) ? 0 : 1;
			boolean ok = ExamScoring.correct((String) item.get("answer"), (String) item.get("given"));
			total[part]++;
			correct[part] += ok ? 1 : 0;
			marks.add(new MapSqlParameterSource().addValue("p", paper.id()).addValue("s", item.get("seq")).addValue("c", ok));
		}
		jdbc.batchUpdate("update exam_paper_item set correct = :c where paper_id = :p and seq = :s", marks.toArray(MapSqlParameterSource[]::new));
		Integer publicScore = ExamScoring.score(correct[0], total[0]);
		Integer professionalScore = ExamScoring.score(correct[1], total[1]);
		boolean passed = ExamScoring.passed(java.util.Arrays.asList(publicScore, professionalScore), exam.passMark());
		Instant submitted = timedOut ? paper.deadlineAt() : clock.instant();
		jdbc.update("""
				update exam_paper set submitted_at = :t, auto_submitted = :a, public_score = :ps, professional_score = :fs, passed = :ok
				where id = :id and submitted_at is null""",
				new MapSqlParameterSource().addValue("t", Timestamp.from(submitted)).addValue("a", timedOut).addValue("ps", publicScore)
					.addValue("fs", professionalScore).addValue("ok", passed).addValue("id", paper.id()));
		long bodyId = jdbc.queryForObject("select body_id from officer where id = :o", Map.of("o", paper.officerId()), Long.class);
		Map<String, Object> payload = new TreeMap<>();
		payload.put("publicScore", publicScore == null ? (paper.publicExempt() ? "免考" : "—") : publicScore);
		payload.put("professionalScore", professionalScore == null ? "—" : professionalScore);
		payload.put("passed", passed);
		payload.put("autoSubmitted", timedOut);
		record.append("exam_paper", paper.id(), bodyId, "exam.paper_submitted",
				paper.officerName() + (timedOut ? "的试卷到时自动交卷" : "交卷") + "，" + (passed ? "合格" : "不合格"), payload);
		return paper(paper.id());
	}

	/**
	 * The domains in which the officer has passed the qualification exam (public part passed or exempt, professional part
	 * passed). A 法律职业资格 exempts from the public part only where the exam says so — then the paper is marked exempt
	 * when it is started; holding one does not stand in for a public part failed or never sat.
	 */
	public List<String> qualifiedDomains(long officerId) {
		boolean publicPassed = jdbc.queryForObject("""
				select count(*) from exam_paper p join exam e on e.id = p.exam_id
				where p.officer_id = :o and p.submitted_at is not null and e.public_count > 0
				  and (p.public_exempt or p.public_score >= e.pass_mark)""", Map.of("o", officerId), Integer.class) > 0;
		return jdbc.queryForList("""
				select distinct e.domain_code from exam_paper p join exam e on e.id = p.exam_id
				where p.officer_id = :o and p.submitted_at is not null and e.professional_count > 0 and p.professional_score >= e.pass_mark and :pub
				order by 1""", new MapSqlParameterSource().addValue("o", officerId).addValue("pub", publicPassed), String.class);
	}

	public List<Paper> papersOf(long officerId) {
		return jdbc.query(PAPER_SELECT + " where p.officer_id = :o order by p.started_at desc", Map.of("o", officerId), (rs, i) -> paper(rs));
	}

	private static String zhifaTime(Instant t) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai")).format(t);
	}

	private static Question question(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Question(rs.getLong("id"), Part.valueOf(rs.getString("part")), rs.getString("domain_code"),
				QuestionType.valueOf(rs.getString("type")), rs.getString("stem"),
				JSON.readValue(rs.getString("options"), new TypeReference<List<String>>() {
				}), rs.getString("answer"), rs.getString("explanation"), rs.getBoolean("active"));
	}

	private static Exam exam(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Exam(rs.getLong("id"), rs.getString("title"), rs.getString("domain_code"), rs.getInt("public_count"),
				rs.getInt("professional_count"), rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
				rs.getInt("duration_minutes"), rs.getInt("pass_mark"), rs.getBoolean("exempt_qualified"), rs.getLong("organiser_body_id"),
				rs.getInt("candidates"));
	}

	private static Paper paper(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		return new Paper(rs.getLong("id"), rs.getLong("exam_id"), rs.getString("exam_title"), rs.getLong("officer_id"),
				rs.getString("officer_name"), rs.getBoolean("public_exempt"), rs.getTimestamp("started_at").toInstant(),
				rs.getTimestamp("deadline_at").toInstant(), submitted == null ? null : submitted.toInstant(), rs.getBoolean("auto_submitted"),
				(Integer) rs.getObject("public_score"), (Integer) rs.getObject("professional_score"), (Boolean) rs.getObject("passed"));
	}
}

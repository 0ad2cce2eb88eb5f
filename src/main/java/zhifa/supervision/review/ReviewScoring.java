package zhifa.supervision.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Conflict;
import zhifa.shared.Operator;
import zhifa.shared.StaleWrite;
import zhifa.supervision.Act;
import zhifa.supervision.Ledger;
import zhifa.supervision.alert.Alerts;
import zhifa.supervision.document.DocumentType;
import zhifa.supervision.document.SupervisionDocuments;
import zhifa.supervision.review.CaseFileReviews.FileStatus;
import zhifa.supervision.review.CaseFileReviews.ReviewFile;
import zhifa.supervision.review.CaseFileReviews.Score;

/**
 * Scoring a drawn file: what the platform proposes from the case data (the alert rules each rubric item names), the
 * reviewers' assessments ({@link Rubric#score}), the result when they agree or the lead's ruling when they do not, a
 * file never provided, rectification through a supervision document, and the results per body.
 */
@Service
public class ReviewScoring {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;
	private final CaseFileReviews reviews;
	private final ReviewFiles reviewFiles;
	private final Rubrics rubrics;
	private final Ledger ledger;
	private final Alerts alerts;
	private final SupervisionDocuments documents;
	private final FullProcessRecord record;
	private final Clock clock;

	ReviewScoring(NamedParameterJdbcTemplate jdbc, CaseFileReviews reviews, ReviewFiles reviewFiles, Rubrics rubrics, Ledger ledger, Alerts alerts, SupervisionDocuments documents,
			FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.reviews = reviews;
		this.reviewFiles = reviewFiles;
		this.rubrics = rubrics;
		this.ledger = ledger;
		this.alerts = alerts;
		this.documents = documents;
		this.record = record;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/** What the platform proposes for a rubric item from the case data: the alert rule, its reasoning and where to look. */
	public record Proposal(String rule, String title, String reasoning) {
	}

	/** A reviewer's mark as submitted: hit (veto) or times (scored), the reason when he overrules a proposal, a note. */
	public record MarkInput(boolean hit, int count, String reason, String note) {
	}

	/**
	 * What the platform proposes for each rubric item from the case data: the findings of the alert rules each item names,
	 * as the act stands in the ledger on the day it was closed (the file as archived), with their reasoning.
	 */
	public Map<String, List<Proposal>> proposals(ReviewFile f, Rubric rubric) {
		Act act = ledger.find(f.actId()).orElseThrow();
		LocalDate asOf = act.report().closedOn() == null ? today() : act.report().closedOn();
		Map<String, List<Proposal>> byRule = new HashMap<>();
		for (Alerts.Found found : alerts.findings(act, asOf)) {
			byRule.computeIfAbsent(found.rule().code(), k -> new ArrayList<>())
				.add(new Proposal(found.rule().code(), found.rule().title(), found.finding().reasoning()));
		}
		Map<String, List<Proposal>> out = new LinkedHashMap<>();
		rubric.prechecks().forEach((code, rules) -> {
			List<Proposal> ps = rules.stream().flatMap(r -> byRule.getOrDefault(r, List.of()).stream()).toList();
			if (!ps.isEmpty()) {
				out.put(code, ps);
			}
		});
		return out;
	}

	public Rubric rubricOf(ReviewFile f) {
		long rubricId = jdbc.queryForObject("select rubric_id from sv_review_programme where id = :p", Map.of("p", f.programmeId()), Long.class);
		return rubrics.rubric(rubricId).rubric();
	}

	/**
	 * A reviewer submits his assessment. Every proposed item he does not confirm needs his reason; the result is computed
	 * by the rubric ({@link Rubric#score}). When every reviewer of the file has submitted, equal results (same vetoes,
	 * same total) become the file's result; different ones wait for the lead.
	 */
	@Transactional
	public ReviewFile submit(Operator op, long fileId, int version, Map<String, MarkInput> input) {
		ReviewFile f = reviewFiles.file(fileId);
		Score mine = f.scores().stream().filter(s -> op.operatorId() != null && s.accountId() == op.operatorId()).findFirst()
			.orElseThrow(() -> new AccessDeniedException("您不是本案卷的评查人员"));
		if (mine.submitted()) {
			throw new Conflict("您已于 " + zhifa.shared.web.Formats.at(mine.submittedAt()) + " 提交评查意见");
		}
		if (f.status() != FileStatus.SCORING) {
			throw new BusinessRuleViolation("本案卷已有结果（" + f.status().label() + "）");
		}
		if (f.awaitingUpload()) {
			throw new BusinessRuleViolation("被评查单位尚未上传案卷，请在案卷上传后评查");
		}
		Rubric rubric = rubricOf(f);
		Map<String, List<Proposal>> proposed = proposals(f, rubric);
		Map<String, Rubric.Mark> marks = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, MarkInput> in = input == null ? Map.of() : input;
		for (String code : rubric.prechecks().keySet()) {
			MarkInput m = in.get(code);
			boolean veto = rubric.isVeto(code);
			boolean hit = m != null && (veto ? m.hit() : m.count() > 0);
			int count = veto ? (hit ? 1 : 0) : (m == null ? 0 : m.count());
			if (count < 0 || count > 50) {
				errors.put(code, "“" + rubric.text(code) + "”的扣分次数应为0至50");
				continue;
			}
			String reason = CaseFileReviews.clean(m == null ? null : m.reason(), 500);
			String note = CaseFileReviews.clean(m == null ? null : m.note(), 500);
			if (reason == null && m != null && m.reason() != null && !m.reason().isBlank() || note == null && m != null && m.note() != null && !m.note().isBlank()) {
				errors.put(code, "“" + rubric.text(code) + "”的说明不超过500字");
				continue;
			}
			boolean isProposed = proposed.containsKey(code);
			if (isProposed && !hit && reason == null) {
				errors.put(code, "平台根据案件数据提示“" + rubric.text(code) + "”，不认定须说明理由");
				continue;
			}
			if (hit || isProposed || note != null) {
				marks.put(code, new Rubric.Mark(code, hit, count, isProposed, isProposed && !hit ? reason : null, note));
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("请检查评查意见：" + String.join("；", errors.values()), errors);
		}
		Rubric.Result result = rubric.score(marks);
		if (jdbc.update("""
				update sv_review_score set status = 'SUBMITTED', marks = cast(:m as jsonb), total = :t, grade = :g, vetoes = :v, submitted_at = :now,
				  version = version + 1 where id = :id and version = :ver and status = 'ASSIGNED'""", new MapSqlParameterSource()
			.addValue("m", json.writeValueAsString(marks.values())).addValue("t", result.total()).addValue("g", result.grade())
			.addValue("v", String.join(",", result.vetoes())).addValue("now", Timestamp.from(clock.instant())).addValue("id", mine.id())
			.addValue("ver", version)) != 1) {
			throw new StaleWrite("您的评查意见");
		}
		long overruled = marks.values().stream().filter(m -> m.proposed() && !m.hit() && m.count() == 0).count();
		record.append(op, CaseFileReviews.PROGRAMME, f.programmeId(), reviewFiles.leadOf(f), "review.scored", "评查 " + f.caseNumber() + "：" + result.total() + " 分，" + result.grade()
				+ (result.vetoes().isEmpty() ? "" : "（否决项：" + result.vetoes().stream().map(rubric::text).collect(Collectors.joining("、")) + "）")
				+ (overruled == 0 ? "" : "，不认定平台提示 " + overruled + " 项"), Map.of("act", f.actId(), "total", result.total(), "grade", result.grade()));
		settle(op, fileId);
		return reviewFiles.file(fileId);
	}

	/** All submitted: the same result is final; a different one goes to the lead. */
	private void settle(Operator op, long fileId) {
		lock(fileId);
		ReviewFile f = reviewFiles.file(fileId);
		if (f.status() != FileStatus.SCORING || f.scores().stream().anyMatch(s -> !s.submitted())) {
			return;
		}
		Score first = f.scores().get(0);
		boolean same = f.scores().stream().allMatch(s -> s.total().equals(first.total()) && s.vetoes().equals(first.vetoes()));
		if (same) {
			finish(op, f, first, null);
		}
		else {
			jdbc.update("update sv_review_file set status = 'DIFFERENT', version = version + 1 where id = :id", Map.of("id", fileId));
			record.append(op, CaseFileReviews.PROGRAMME, f.programmeId(), reviewFiles.leadOf(f), "review.differs", "评查意见不一致：" + f.scores().stream()
				.map(s -> s.name() + " " + s.total() + " 分 " + s.grade()).collect(Collectors.joining("；")) + "，待组长裁定", Map.of("act", f.actId()));
		}
	}

	private void finish(Operator op, ReviewFile f, Score adopted, String resolution) {
		jdbc.update("""
				update sv_review_file set status = 'FINAL', total = :t, grade = :g, vetoes = :v, resolution = :r, resolved_by = :by, version = version + 1
				where id = :id""", new MapSqlParameterSource().addValue("t", adopted.total()).addValue("g", adopted.grade())
			.addValue("v", String.join(",", adopted.vetoes())).addValue("r", resolution).addValue("by", resolution == null ? null : op.operatorName())
			.addValue("id", f.id()));
		record.append(op, CaseFileReviews.PROGRAMME, f.programmeId(), reviewFiles.leadOf(f), "review.final", "评查结果：" + f.caseNumber() + " " + adopted.total() + " 分，" + adopted.grade()
				+ (resolution == null ? "" : "（组长裁定采纳" + adopted.name() + "的意见：" + resolution + "）"), Map.of("act", f.actId(), "total", adopted.total(),
						"grade", adopted.grade()));
	}

	/** The lead resolves different assessments by adopting one, with the reason. */
	@Transactional
	public ReviewFile resolve(Operator op, long fileId, int version, Long scoreId, String reason) {
		lock(fileId);
		ReviewFile f = reviewFiles.file(fileId);
		reviews.lead(op, f.programmeId());
		if (f.status() != FileStatus.DIFFERENT) {
			throw new BusinessRuleViolation("本案卷" + f.status().label() + "，不需裁定");
		}
		Score adopted = f.scores().stream().filter(s -> scoreId != null && s.id() == scoreId).findFirst()
			.orElseThrow(() -> BusinessRuleViolation.onField("scoreId", "请选择采纳的评查意见"));
		String why = CaseFileReviews.clean(reason, 2000);
		if (why == null) {
			throw BusinessRuleViolation.onField("reason", "请说明裁定理由（2000字以内）");
		}
		if (f.version() != version) {
			throw new StaleWrite("该评查案卷");
		}
		finish(op, f, adopted, why);
		return reviewFiles.file(fileId);
	}

	/**
	 * A file of another system the audited body did not upload by its day: the lead records it as not provided — the
	 * file's result is 不合格 (0 分) with the reason, so the programme can close.
	 */
	@Transactional
	public ReviewFile notProvided(Operator op, long fileId, String reason) {
		lock(fileId);
		ReviewFile f = reviewFiles.file(fileId);
		reviews.lead(op, f.programmeId());
		if (!f.awaitingUpload() || f.status() != FileStatus.SCORING) {
			throw new BusinessRuleViolation("本案卷已上传或已有结果");
		}
		if (!today().isAfter(f.uploadDue())) {
			throw new BusinessRuleViolation("上传期限（" + f.uploadDue() + "）尚未届满");
		}
		String why = CaseFileReviews.clean(reason, 2000);
		if (why == null) {
			throw BusinessRuleViolation.onField("reason", "请说明情况（2000字以内）");
		}
		jdbc.update("""
				update sv_review_file set status = 'FINAL', total = 0, grade = :g, vetoes = '', resolution = :r, resolved_by = :by, version = version + 1
				where id = :id and status = 'SCORING' and file_name is null""", new MapSqlParameterSource().addValue("g", Rubric.FAIL)
			.addValue("r", "被评查单位逾期未提供案卷：" + why).addValue("by", op.operatorName()).addValue("id", fileId));
		record.append(op, CaseFileReviews.PROGRAMME, f.programmeId(), reviewFiles.leadOf(f), "review.not_provided", "被评查单位逾期（" + f.uploadDue() + "）未提供案卷 " + f.caseNumber() + "，按不合格计："
				+ why, Map.of("act", f.actId()));
		return reviewFiles.file(fileId);
	}

	/** Rectification of a file's problems through a supervision document to its body (part 1's documents). */
	@Transactional
	public ReviewFile rectify(Operator op, long fileId, String requiredAction, Integer replyDays) {
		lock(fileId);
		ReviewFile f = reviewFiles.file(fileId);
		reviews.lead(op, f.programmeId());
		if (f.status() != FileStatus.FINAL) {
			throw new BusinessRuleViolation("案卷出结果后才能发出整改通知");
		}
		if (f.documentId() != null) {
			throw new Conflict("本案卷已发出整改通知");
		}
		Rubric rubric = rubricOf(f);
		Score basis = f.scores().stream().filter(s -> s.total().equals(f.total()) && s.vetoes().equals(f.vetoes())).findFirst().orElse(f.scores().get(0));
		String problems = basis.marks().values().stream().filter(m -> m.hit() || m.count() > 0)
			.map(m -> rubric.text(m.code()) + (rubric.isVeto(m.code()) ? "（否决项）" : "（扣" + rubric.item(m.code()).map(i -> i.deduction() * m.count()).orElse(0) + "分）")
					+ (m.note() == null ? "" : "：" + m.note()))
			.collect(Collectors.joining("；"));
		String finding = "案卷评查（" + f.programmeCode() + "）：" + f.caseNumber() + " 得分 " + f.total() + "，" + f.grade() + "。" + (problems.isEmpty() ? "" : "发现问题：" + problems + "。");
		var doc = documents.issue(new SupervisionDocuments.IssueForm(DocumentType.RECTIFICATION, List.of(), f.actId(), null,
				finding.length() > 2000 ? finding.substring(0, 1999) + "…" : finding, requiredAction, replyDays));
		jdbc.update("update sv_review_file set document_id = :d, version = version + 1 where id = :id", Map.of("d", doc.id(), "id", fileId));
		record.append(op, CaseFileReviews.PROGRAMME, f.programmeId(), reviewFiles.leadOf(f), "review.rectification", "就评查案卷 " + f.caseNumber() + " 发出整改通知 " + doc.number(),
				Map.of("act", f.actId(), "document", doc.number()));
		return reviewFiles.file(fileId);
	}

	// ---- results

	/** One body's results in a programme. */
	public record BodyResult(long bodyId, String bodyName, int files, int finished, double average, Map<String, Integer> grades, int rank) {

		/** The share of finished files that passed (any grade but 不合格), in percent. */
		public double passRate() {
			return finished == 0 ? Double.NaN : 100.0 * (finished - grades.getOrDefault(Rubric.FAIL, 0)) / finished;
		}
	}

	/** Per body: files, average of final scores, grades; ranked by pass rate then average (best first), bodies without results last. */
	public List<BodyResult> results(long programmeId, List<String> grades) {
		Map<Long, List<ReviewFile>> byBody = new LinkedHashMap<>();
		reviewFiles.files(programmeId).forEach(f -> byBody.computeIfAbsent(f.bodyId(), k -> new ArrayList<>()).add(f));
		List<BodyResult> out = new ArrayList<>();
		byBody.forEach((b, fs) -> {
			List<ReviewFile> done = fs.stream().filter(x -> x.status() == FileStatus.FINAL).toList();
			Map<String, Integer> g = new LinkedHashMap<>();
			grades.forEach(x -> g.put(x, 0));
			done.forEach(x -> g.merge(x.grade(), 1, Integer::sum));
			double avg = done.isEmpty() ? Double.NaN : done.stream().mapToInt(ReviewFile::total).average().orElse(0);
			out.add(new BodyResult(b, fs.get(0).bodyName(), fs.size(), done.size(), avg, g, 0));
		});
		// ranked by the share of files that passed (a veto fails a file whatever its score), then by the average score
		out.sort((a, b) -> Double.isNaN(a.average()) ? (Double.isNaN(b.average()) ? 0 : 1) : Double.isNaN(b.average()) ? -1
				: a.passRate() != b.passRate() ? Double.compare(b.passRate(), a.passRate()) : Double.compare(b.average(), a.average()));
		List<BodyResult> ranked = new ArrayList<>();
		for (int i = 0; i < out.size(); i++) {
			BodyResult r = out.get(i);
			ranked.add(new BodyResult(r.bodyId(), r.bodyName(), r.files(), r.finished(), r.average(), r.grades(), Double.isNaN(r.average()) ? 0 : i + 1));
		}
		return ranked;
	}

	/** The grade labels of a rubric, best first, then 不合格. */
	public static List<String> grades(Rubric r) {
		List<String> g = new ArrayList<>(r.bands().stream().map(Rubric.Band::label).toList());
		g.add(Rubric.FAIL);
		return g;
	}


	/** Locks the file's row for the change; a file that does not exist is not found (it had been a 500). */
	private void lock(long fileId) {
		if (jdbc.queryForList("select id from sv_review_file where id = :id for update", Map.of("id", fileId), Long.class).isEmpty()) {
			throw new zhifa.shared.NotFound("评查案卷");
		}
	}
}

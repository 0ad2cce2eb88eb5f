package zhifa.penalty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import zhifa.calendar.CalendarService;
import zhifa.discretion.Benchmarks;
import zhifa.discretion.Circumstance;
import zhifa.discretion.Liability;
import zhifa.discretion.PenaltyType;
import zhifa.officer.OfficerAuthority;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.UploadedFile;

/**
 * A filed case from investigation to decision (行政处罚法第四十二至六十五条): evidence and transcripts, recusal and officer
 * changes under the two-officer rule, the proposed penalty with its benchmark assessment, legal review and collective
 * discussion, the prior notice with the party's windows, statements and 复核, the hearing, and the decision behind
 * {@link DecisionGates}. Each action checks first and writes nothing when refused; each writes the record.
 */
@Service
public class CaseProcedure {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;
	private final PenaltyCases cases;
	private final CaseTimers timers;
	private final CaseNumbers numbers;
	private final EvidenceStore store;
	private final Benchmarks benchmarks;
	private final OfficerAuthority authority;
	private final CalendarService calendar;
	private final FullProcessRecord record;
	private final Clock clock;
	private final zhifa.discretion.LeniencyLists leniency;

	CaseProcedure(NamedParameterJdbcTemplate jdbc, PenaltyCases cases, CaseTimers timers, CaseNumbers numbers, EvidenceStore store,
			Benchmarks benchmarks, OfficerAuthority authority, CalendarService calendar, FullProcessRecord record, Clock clock,
			zhifa.discretion.LeniencyLists leniency) {
		this.leniency = leniency;
		this.jdbc = jdbc;
		this.cases = cases;
		this.timers = timers;
		this.numbers = numbers;
		this.store = store;
		this.benchmarks = benchmarks;
		this.authority = authority;
		this.calendar = calendar;
		this.record = record;
		this.clock = clock;
	}

	// ---- read models

	public record Evidence(long id, EvidenceType type, String title, String fileName, String contentType, Long size, String sm3, LocalDate collectedOn,
			String collectedBy, String note) {
	}

	public record Proposal(String report, Set<Circumstance> circumstances, Long illegalGains, String assessment, String tier, Sanction sanction,
			List<String> deviations, String deviationReason, boolean major, boolean complex, String proposedBy) {

		public boolean deviates() {
			return !deviations.isEmpty();
		}

		/** The 说理 of the stored assessment, or why no benchmark applied. */
		public String reasoning() {
			var node = JSON.readTree(assessment);
			return node.has("reasoning") ? node.get("reasoning").asString() : node.path("none").asString();
		}

		/** The leniency-list items the assessment matched (减免责清单). */
		public List<String> leniency() {
			List<String> items = new ArrayList<>();
			JSON.readTree(assessment).path("leniency").forEach(i -> items.add(i.path("type").asString() + "：" + i.path("matter").asString()));
			return items;
		}
	}

	public record Review(long id, String kind, LocalDate requestedOn, String grounds, String result, String opinion, String participants,
			String reviewerName, LocalDate decidedOn) {
	}

	public record Notice(LocalDate issuedOn, Sanction sanction, boolean hearingRight, String facts, LocalDate servedOn, String serviceMethod,
			String serviceProof, LocalDate statementDue, LocalDate hearingDue, LocalDate statementWaivedOn, LocalDate hearingWaivedOn) {
	}

	public record Statement(long id, LocalDate receivedOn, String content, String result, String resultNote, LocalDate reviewedOn) {
	}

	public record Hearing(LocalDate requestedOn, LocalDate noticeOn, LocalDate hearingDate, Long presidingId, String agents, String transcript,
			String report, LocalDate heldOn) {
	}

	public List<Evidence> evidence(long caseId) {
		return jdbc.query("select * from penalty_evidence where case_id = :c order by id", Map.of("c", caseId),
				(rs, i) -> new Evidence(rs.getLong("id"), EvidenceType.valueOf(rs.getString("type")), rs.getString("title"), rs.getString("file_name"),
						rs.getString("content_type"), (Long) rs.getObject("size_bytes"), rs.getString("sm3"), rs.getDate("collected_on").toLocalDate(),
						rs.getString("collected_by"), rs.getString("note")));
	}

	public List<Map<String, Object>> transcripts(long caseId) {
		return jdbc.queryForList("select * from penalty_transcript where case_id = :c order by held_on, id", Map.of("c", caseId));
	}

	public List<Map<String, Object>> recusals(long caseId) {
		return jdbc.queryForList("""
				select r.*, o.name as officer_name from penalty_recusal r join officer o on o.id = r.officer_id where r.case_id = :c order by r.id""",
				Map.of("c", caseId));
	}

	public Optional<Proposal> proposal(long caseId) {
		return jdbc.query("select * from penalty_proposal where case_id = :c", Map.of("c", caseId), (rs, i) -> new Proposal(rs.getString("report"),
				circumstances(rs.getString("circumstances")), (Long) rs.getObject("illegal_gains"), rs.getString("assessment"), rs.getString("tier"),
				sanction(rs.getString("types"), (Long) rs.getObject("fine"), (Long) rs.getObject("confiscation")), lines(rs.getString("deviations")),
				rs.getString("deviation_reason"), rs.getBoolean("major"), rs.getBoolean("complex"), rs.getString("proposed_by"))).stream().findFirst();
	}

	public List<Review> reviews(long caseId) {
		return jdbc.query("select * from penalty_review where case_id = :c order by id", Map.of("c", caseId), (rs, i) -> new Review(rs.getLong("id"),
				rs.getString("kind"), rs.getDate("requested_on").toLocalDate(), rs.getString("grounds"), rs.getString("result"), rs.getString("opinion"),
				rs.getString("participants"), rs.getString("reviewer_name"), rs.getDate("decided_on") == null ? null : rs.getDate("decided_on").toLocalDate()));
	}

	public Optional<Notice> notice(long caseId) {
		return jdbc.query("select * from penalty_notice where case_id = :c", Map.of("c", caseId), (rs, i) -> new Notice(rs.getDate("issued_on").toLocalDate(),
				sanction(rs.getString("types"), (Long) rs.getObject("fine"), (Long) rs.getObject("confiscation")), rs.getBoolean("hearing_right"),
				rs.getString("facts"), date(rs, "served_on"), rs.getString("service_method"), rs.getString("service_proof"), date(rs, "statement_due"),
				date(rs, "hearing_due"), date(rs, "statement_waived_on"), date(rs, "hearing_waived_on"))).stream().findFirst();
	}

	public List<Statement> statements(long caseId) {
		return jdbc.query("select * from penalty_statement where case_id = :c order by id", Map.of("c", caseId), (rs, i) -> new Statement(rs.getLong("id"),
				rs.getDate("received_on").toLocalDate(), rs.getString("content"), rs.getString("result"), rs.getString("result_note"),
				date(rs, "reviewed_on")));
	}

	public Optional<Hearing> hearing(long caseId) {
		return jdbc.query("select * from penalty_hearing where case_id = :c", Map.of("c", caseId), (rs, i) -> new Hearing(rs.getDate("requested_on")
			.toLocalDate(), date(rs, "notice_on"), date(rs, "hearing_date"), (Long) rs.getObject("presiding_id"), rs.getString("agents"),
				rs.getString("transcript"), rs.getString("report"), date(rs, "held_on"))).stream().findFirst();
	}

	public List<Map<String, Object>> pauses(long caseId) {
		return timers.pauses(caseId);
	}

	/** Whether 法制审核 is required (第五十八条): major public interest, complex, a hearing held, or a deviation from the benchmark. */
	public List<String> legalReviewGrounds(long caseId) {
		List<String> g = new ArrayList<>();
		proposal(caseId).ifPresent(p -> {
			if (p.major()) {
				g.add("涉及重大公共利益（第五十八条第一款第（一）项）");
			}
			if (p.complex()) {
				g.add("案件情况疑难复杂、涉及多个法律关系（第五十八条第一款第（三）项）");
			}
			if (p.deviates()) {
				g.add("拟处罚偏离裁量基准");
			}
		});
		if (hearing(caseId).map(h -> h.heldOn() != null).orElse(false)) {
			g.add("经过听证程序（第五十八条第一款第（二）项）");
		}
		jdbc.queryForList("""
				select l.note from penalty_review_list l join penalty_case c on c.body_id = l.body_id and c.matter_id = l.matter_id where c.id = :c""",
				Map.of("c", caseId), String.class).forEach(note -> g.add("本机关法制审核目录清单所列事项（" + note + "）"));
		return g;
	}

	/** Whether 负责人集体讨论 is required (第五十七条第二款): complex or major cases, and deviations. */
	public List<String> collectiveGrounds(long caseId) {
		List<String> g = new ArrayList<>();
		proposal(caseId).ifPresent(p -> {
			if (p.major() || p.complex()) {
				g.add("情节复杂或者重大违法行为（第五十七条第二款）");
			}
			if (p.deviates()) {
				g.add("拟处罚偏离裁量基准");
			}
		});
		return g;
	}

	/** The gates as they stand today for the proposed penalty. */
	public List<DecisionGates.Result> gates(PenaltyCase c, DecisionOutcome outcome, Sanction decided) {
		return DecisionGates.evaluate(facts(c, outcome, decided));
	}

	/** The steps open to the case now and what blocks each, in plain Chinese — the case page's "下一步". */
	public List<NextStep> nextSteps(PenaltyCase c) {
		List<Long> officers = c.officers().stream().map(PenaltyCase.Officer::officerId).toList();
		return switch (c.stage()) {
			case CLUE -> cases.nextSteps(c, officers);
			case FILED -> List.of(new NextStep("evidence", "调查取证（证据、笔录）", "办案人员", List.of()),
					new NextStep("proposal", "提出处罚建议（调查终结报告、裁量评估）", "办案人员",
							evidence(c.id()).isEmpty() && transcripts(c.id()).isEmpty() ? List.of("尚未收集证据或制作笔录") : List.of()),
					new NextStep("decision", "不予处罚、撤销立案或移送司法机关", "负责人", gateRefusals(c, DecisionOutcome.NO_PENALTY)));
			case PROPOSED -> {
				List<NextStep> steps = new ArrayList<>();
				if (!legalReviewGrounds(c.id()).isEmpty()) {
					steps.add(new NextStep("legal-review", "法制审核", "法制审核人员", List.of()));
				}
				if (!collectiveGrounds(c.id()).isEmpty()) {
					steps.add(new NextStep("collective", "负责人集体讨论", "负责人", List.of()));
				}
				steps.add(new NextStep("notice", "制作并送达行政处罚事先告知书", "办案人员", List.of()));
				yield steps;
			}
			case NOTIFIED -> {
				List<NextStep> steps = new ArrayList<>();
				Notice n = notice(c.id()).orElseThrow();
				if (n.servedOn() == null) {
					steps.add(new NextStep("serve", "送达事先告知书", "办案人员", List.of()));
				}
				if (statements(c.id()).stream().anyMatch(s -> s.result() == null)) {
					steps.add(new NextStep("reexamine", "复核当事人的陈述、申辩", "办案人员", List.of()));
				}
				hearing(c.id()).filter(h -> h.heldOn() == null).ifPresent(h -> steps.add(new NextStep("hearing", "组织听证", "听证主持人", List.of())));
				Sanction proposed = proposal(c.id()).map(Proposal::sanction).orElse(n.sanction());
				steps.add(new NextStep("decision", "作出行政处罚决定", "负责人", DecisionGates.refusals(facts(c, DecisionOutcome.PENALTY, proposed))));
				yield steps;
			}
			default -> List.of();
		};
	}

	private List<String> gateRefusals(PenaltyCase c, DecisionOutcome outcome) {
		return DecisionGates.refusals(facts(c, outcome, new Sanction(Set.of(), null, null)));
	}

	/** The body's 法制审核目录清单: matters whose penalty decisions always need legal review. */
	public List<Map<String, Object>> reviewList(DataScope scope, long bodyId) {
		return jdbc.queryForList("""
				select l.matter_id, m.code, m.name, l.note, l.added_by from penalty_review_list l join enforcement_matter m on m.id = l.matter_id
				where l.body_id = :b order by m.code""", Map.of("b", bodyId));
	}

	@Transactional
	public void addToReviewList(DataScope scope, long bodyId, long matterId, String note) {
		var m = jdbc.queryForList("select name, body_id from enforcement_matter where id = :m", Map.of("m", matterId));
		if (m.isEmpty() || ((Number) m.get(0).get("body_id")).longValue() != bodyId) {
			throw BusinessRuleViolation.onField("matterId", "请选择本机关的执法事项");
		}
		if (blank(note)) {
			throw BusinessRuleViolation.onField("note", "请写明列入清单的理由或依据");
		}
		jdbc.update("""
				insert into penalty_review_list (body_id, matter_id, note, added_by, added_at) values (:b, :m, :n, :by, now())
				on conflict (body_id, matter_id) do update set note = excluded.note""", Map.of("b", bodyId, "m", matterId, "n", note.strip(), "by", who()));
		record.append("org_body", bodyId, bodyId, "review_list.added", "法制审核目录清单列入“" + m.get(0).get("name") + "”", Map.of("note", note.strip()));
	}

	@Transactional
	public void removeFromReviewList(DataScope scope, long bodyId, long matterId, String reason) {
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "请填写移出理由");
		}
		if (jdbc.update("delete from penalty_review_list where body_id = :b and matter_id = :m", Map.of("b", bodyId, "m", matterId)) == 0) {
			throw new NotFound("清单中的事项");
		}
		record.append("org_body", bodyId, bodyId, "review_list.removed", "法制审核目录清单移出事项 " + matterId, Map.of("reason", reason.strip()));
	}

	// ---- investigation

	@Transactional
	public Evidence addEvidence(DataScope scope, long caseId, EvidenceType type, String title, byte[] file, String fileName, String contentType,
			LocalDate collectedOn, String note) {
		PenaltyCase c = cases.get(scope, caseId);
		// after the decision, materials of service and execution (送达回证、缴款凭证、执行照片) are still filed; after closure nothing
		if (c.stage() != CaseStage.CLUE && c.stage() != CaseStage.DECIDED) {
			c = investigating(scope, caseId, "收集证据");
		}
		if (type == null) {
			throw BusinessRuleViolation.onField("type", "请选择证据种类");
		}
		if (title == null || title.isBlank()) {
			throw BusinessRuleViolation.onField("title", "请填写证据名称");
		}
		LocalDate day = collectedOn == null ? today() : collectedOn;
		if (day.isAfter(today()) || day.isBefore(c.actDate())) {
			throw BusinessRuleViolation.onField("collectedOn", "取证日期应在违法行为发生之后、今天之前");
		}
		UploadedFile upload = file == null || file.length == 0 ? null : UploadedFile.of(file, contentType, fileName);
		// the row first, the file last: a refused row leaves no file behind
		String hash = upload == null ? null : zhifa.shared.Sm3.hex(upload.bytes());
		long id = jdbc.queryForObject("""
				insert into penalty_evidence (case_id, type, title, file_name, content_type, size_bytes, sm3, collected_on, collected_by, note, created_at)
				values (:c, :t, :ti, :fn, :ct, :sz, :h, :d, :by, :n, :now) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("t", type.name()).addValue("ti", title.strip())
					.addValue("fn", upload == null ? null : upload.name()).addValue("ct", upload == null ? null : upload.contentType())
					.addValue("sz", hash == null ? null : (long) file.length).addValue("h", hash).addValue("d", day).addValue("by", who())
					.addValue("n", note == null ? "" : note.strip()).addValue("now", Timestamp.from(clock.instant())),
				Long.class);
		if (upload != null) {
			store.store(upload);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type.label());
		data.put("title", title.strip());
		if (hash != null) {
			data.put("sm3", hash);
			data.put("size", file.length);
		}
		record.append("penalty_case", caseId, c.bodyId(), "case.evidence_added", "收集证据（" + type.label() + "）：" + title.strip(), data);
		return evidence(caseId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
	}

	public byte[] evidenceFile(DataScope scope, long caseId, long evidenceId) {
		cases.get(scope, caseId);
		Evidence e = evidence(caseId).stream().filter(x -> x.id() == evidenceId && x.sm3() != null).findFirst().orElseThrow(() -> new NotFound("证据文件"));
		return store.read(e.sm3());
	}

	@Transactional
	public void addTranscript(DataScope scope, long caseId, String kind, LocalDate heldOn, String place, String subject, String content) {
		PenaltyCase c = investigating(scope, caseId, "制作笔录");
		if (!"INQUIRY".equals(kind) && !"INSPECTION".equals(kind)) {
			throw BusinessRuleViolation.onField("kind", "请选择询问笔录或现场检查笔录");
		}
		if (heldOn == null || heldOn.isAfter(today()) || blank(place) || blank(subject) || blank(content)) {
			throw new BusinessRuleViolation("请完整填写笔录的时间（不晚于今天）、地点、对象和内容");
		}
		String officers = String.join("、", c.officers().stream().map(PenaltyCase.Officer::name).toList());
		jdbc.update("""
				insert into penalty_transcript (case_id, kind, held_on, place, subject, officers, content, created_by, created_at)
				values (:c, :k, :d, :p, :s, :o, :t, :by, :now)""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("k", kind).addValue("d", heldOn).addValue("p", place.strip())
					.addValue("s", subject.strip()).addValue("o", officers).addValue("t", content.strip()).addValue("by", who())
					.addValue("now", Timestamp.from(clock.instant())));
		record.append("penalty_case", caseId, c.bodyId(), "case.transcript_added",
				("INQUIRY".equals(kind) ? "询问笔录" : "现场检查笔录") + "：" + subject.strip() + "（" + heldOn + "）",
				Map.of("place", place.strip(), "officers", officers, "sm3", zhifa.shared.Sm3.hex(content.strip())));
	}

	/** 回避 (第四十三条): the party applies, the head decides; the investigation is not suspended meanwhile. */
	@Transactional
	public void applyRecusal(DataScope scope, long caseId, long officerId, String applicant, String reason) {
		PenaltyCase c = investigating(scope, caseId, "申请回避");
		if (c.officers().stream().noneMatch(o -> o.officerId() == officerId)) {
			throw BusinessRuleViolation.onField("officerId", "该人员不是本案办案人员");
		}
		if (blank(applicant) || blank(reason)) {
			throw new BusinessRuleViolation("请填写申请人和回避理由");
		}
		long id = jdbc.queryForObject("""
				insert into penalty_recusal (case_id, officer_id, applied_on, applicant, reason) values (:c, :o, :d, :a, :r) returning id""",
				Map.of("c", caseId, "o", officerId, "d", today(), "a", applicant.strip(), "r", reason.strip()), Long.class);
		record.append("penalty_case", caseId, c.bodyId(), "case.recusal_applied", applicant.strip() + "申请办案人员回避",
				Map.of("recusal", id, "officerId", officerId, "reason", reason.strip()));
	}

	@Transactional
	public void decideRecusal(DataScope scope, long caseId, long recusalId, boolean granted, Long replacementOfficerId, String note) {
		PenaltyCase c = investigating(scope, caseId, "决定回避");
		var rows = jdbc.queryForList("select officer_id, decision from penalty_recusal where id = :id and case_id = :c", Map.of("id", recusalId, "c", caseId));
		if (rows.isEmpty()) {
			throw new NotFound("回避申请");
		}
		if (rows.get(0).get("decision") != null) {
			throw new BusinessRuleViolation("该回避申请已作出决定");
		}
		long officerId = ((Number) rows.get(0).get("officer_id")).longValue();
		if (granted) {
			List<Long> after = new ArrayList<>(c.officers().stream().map(PenaltyCase.Officer::officerId).filter(id -> id != officerId).toList());
			if (replacementOfficerId != null) {
				after.add(replacementOfficerId);
			}
			checkOfficers(c, after);
			release(caseId, officerId);
			if (replacementOfficerId != null) {
				assign(caseId, replacementOfficerId);
			}
		}
		jdbc.update("update penalty_recusal set decision = :d, decided_on = :on, decided_by = :by, note = :n where id = :id",
				new MapSqlParameterSource().addValue("d", granted ? "GRANTED" : "REJECTED").addValue("on", today()).addValue("by", who())
					.addValue("n", note == null ? null : note.strip()).addValue("id", recusalId));
		record.append("penalty_case", caseId, c.bodyId(), "case.recusal_decided", "负责人决定" + (granted ? "回避" : "不予回避"),
				Map.of("recusal", recusalId, "replacement", replacementOfficerId == null ? "" : replacementOfficerId));
	}

	/** Changes the officers on the case; at least two with valid certificates must remain (第四十二条). */
	@Transactional
	public PenaltyCase changeOfficers(DataScope scope, long caseId, List<Long> officerIds, String reason) {
		PenaltyCase c = cases.get(scope, caseId);
		if (c.stage() == CaseStage.DECIDED || c.stage() == CaseStage.CLUE || c.stage().closedBeforeFiling()) {
			throw new BusinessRuleViolation("案件当前为“" + c.stage().label() + "”，不能变更办案人员");
		}
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "请填写变更理由");
		}
		checkOfficers(c, officerIds);
		List<Long> current = c.officers().stream().map(PenaltyCase.Officer::officerId).toList();
		current.stream().filter(id -> !officerIds.contains(id)).forEach(id -> release(caseId, id));
		officerIds.stream().distinct().filter(id -> !current.contains(id)).forEach(id -> assign(caseId, id));
		PenaltyCase after = cases.get(DataScope.all(), caseId);
		record.append("penalty_case", caseId, c.bodyId(), "case.officers_changed", "变更办案人员：" + String.join("、", after.officers().stream()
			.map(PenaltyCase.Officer::name).toList()), Map.of("reason", reason.strip()));
		return after;
	}

	// ---- the proposed decision

	public record ProposalForm(String report, Set<Circumstance> circumstances, Long illegalGains, Set<PenaltyType> types, Long fine, Long confiscation,
			String deviationReason, Boolean major, Boolean complex) {
	}

	/** 调查终结报告 and the proposed penalty, assessed against the discretion benchmark and stored with the case. */
	@Transactional
	public Proposal propose(DataScope scope, long caseId, ProposalForm f) {
		PenaltyCase c = cases.get(scope, caseId);
		if (c.stage() != CaseStage.FILED && c.stage() != CaseStage.PROPOSED) {
			throw new BusinessRuleViolation("案件当前为“" + c.stage().label() + "”，不能提出处罚建议");
		}
		if (blank(f.report())) {
			throw BusinessRuleViolation.onField("report", "请填写案件调查终结报告");
		}
		if (f.types() == null || f.types().isEmpty()) {
			throw BusinessRuleViolation.onField("types", "请选择拟处罚的种类");
		}
		Sanction s = new Sanction(f.types(), f.types().contains(PenaltyType.FINE) ? f.fine() : null,
				f.types().contains(PenaltyType.CONFISCATE_GAINS) || f.types().contains(PenaltyType.CONFISCATE_PROPERTY) ? f.confiscation() : null);
		if (f.types().contains(PenaltyType.FINE) && (f.fine() == null || f.fine() <= 0)) {
			throw BusinessRuleViolation.onField("fine", "请填写罚款金额");
		}
		LocalDate birthDate = cases.partyBirthDate(caseId).orElse(null);
		Set<Circumstance> circumstances = f.circumstances() == null ? Set.of() : f.circumstances();
		if (circumstances.stream().anyMatch(Circumstance::needsExpertOpinion) && !cases.expertOpinionOnFile(caseId)) {
			throw BusinessRuleViolation.onField("circumstances", "认定精神病人、智力残疾人的辨认或者控制能力，须有鉴定意见，请先将鉴定意见作为证据收集（行政处罚法第三十一条）");
		}
		Optional<String> noLiability = Liability.noPunishment(birthDate, c.actDate(), circumstances);
		if (noLiability.isPresent()) {
			throw new BusinessRuleViolation("不能提出处罚建议：" + noLiability.get() + "；请作出不予行政处罚决定，并对当事人进行教育");
		}
		Benchmarks.Assessment assessment = null;
		String noBenchmark = null;
		try {
			assessment = benchmarks.assess(new Benchmarks.AssessmentRequest(null, c.bodyId(), c.actDate(), c.partyKind(), circumstances,
					f.illegalGains(), c.matterId(), partyKey(caseId), birthDate));
		}
		catch (BusinessRuleViolation | NotFound e) {
			// no benchmark for this matter: the statute's own range applies; recorded so the reviewer sees it
			noBenchmark = "未适用裁量基准：" + e.getMessage();
		}
		List<String> deviations = assessment == null ? List.of() : DeviationPolicy.deviations(assessment, s);
		boolean minor = Liability.isMinor(birthDate, c.actDate());
		if (minor && assessment != null && DeviationPolicy.heavierThanTier(assessment, s)) {
			throw BusinessRuleViolation.onField("fine", "当事人行为时已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚（行政处罚法第三十条），不得重于“"
					+ assessment.tier().label() + "”阶次（" + String.join("；", deviations) + "）");
		}
		if (minor && assessment == null) {
			// no benchmark says how light: the lightening is explained and reviewed like a deviation
			deviations = new ArrayList<>(deviations);
			deviations.add("当事人为未成年人（已满十四周岁不满十八周岁），本事项无裁量基准，须说明如何依行政处罚法第三十条从轻或者减轻");
		}
		if (!deviations.isEmpty() && blank(f.deviationReason())) {
			throw BusinessRuleViolation.onField("deviationReason", "拟处罚偏离裁量基准（" + String.join("；", deviations) + "），须书面说明理由，并经集体讨论和法制审核");
		}
		String assessmentJson = assessment != null ? JSON.writeValueAsString(assessment) : JSON.writeValueAsString(Map.of("none", noBenchmark,
				"hearingThreshold", leniency.threshold(c.domainCode(), regionPath(c.bodyId()), c.partyKind(), c.actDate())
					.map(zhifa.discretion.LeniencyLists.HearingThreshold::amount).orElse(-1L)));
		String tier = assessment != null ? assessment.tier().name() : "NONE";
		jdbc.update("delete from penalty_proposal where case_id = :c", Map.of("c", caseId));
		jdbc.update("""
				insert into penalty_proposal (case_id, report, circumstances, illegal_gains, assessment, tier, types, fine, confiscation, deviations,
				  deviation_reason, major, complex, proposed_by, proposed_at)
				values (:c, :r, :ci, :g, :a, :t, :ty, :f, :co, :d, :dr, :m, :x, :by, :now)""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("r", f.report().strip())
					.addValue("ci", f.circumstances() == null ? "" : f.circumstances().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
					.addValue("g", f.illegalGains()).addValue("a", assessmentJson).addValue("t", tier)
					.addValue("ty", types(s)).addValue("f", s.fine()).addValue("co", s.confiscation()).addValue("d", String.join("\n", deviations))
					.addValue("dr", blank(f.deviationReason()) ? null : f.deviationReason().strip()).addValue("m", Boolean.TRUE.equals(f.major()))
					.addValue("x", Boolean.TRUE.equals(f.complex())).addValue("by", who()).addValue("now", Timestamp.from(clock.instant())));
		jdbc.update("update penalty_case set stage = 'PROPOSED', updated_at = now() where id = :id", Map.of("id", caseId));
		startLegalReviewIfRequired(caseId);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("sanction", s.describe());
		if (assessment != null) {
			data.put("tier", assessment.tier().label());
			data.put("benchmark", assessment.benchmark());
			data.put("reasoning", assessment.reasoning());
		}
		else {
			data.put("benchmark", noBenchmark);
		}
		if (!deviations.isEmpty()) {
			data.put("deviations", deviations);
			data.put("deviationReason", f.deviationReason().strip());
		}
		record.append("penalty_case", caseId, c.bodyId(), "case.proposed", "提出处罚建议：" + s.describe()
				+ (assessment != null ? "（裁量阶次：" + assessment.tier().label() + "）" : "（" + noBenchmark + "）"), data);
		return proposal(caseId).orElseThrow();
	}

	/** 法制审核: by a legal reviewer; a reviewer's first review needs a 法律职业资格 number (第五十八条第二款). */
	@Transactional
	public Review legalReview(DataScope scope, long caseId, boolean passed, String opinion) {
		PenaltyCase c = cases.get(scope, caseId);
		if (c.stage() != CaseStage.PROPOSED && c.stage() != CaseStage.NOTIFIED) {
			throw new BusinessRuleViolation("案件当前为“" + c.stage().label() + "”，不能进行法制审核");
		}
		if (blank(opinion)) {
			throw BusinessRuleViolation.onField("opinion", "请填写审核意见");
		}
		Operator op = Operator.current();
		var reviewer = jdbc.queryForList("select name, legal_qualification_no from officer where user_id = :u", Map.of("u", op.operatorId() == null ? -1 : op.operatorId()));
		String qualification = reviewer.isEmpty() ? null : (String) reviewer.get(0).get("legal_qualification_no");
		int earlier = jdbc.queryForObject("select count(*) from penalty_review where kind = 'LEGAL' and reviewer_user = :u and result is not null",
				Map.of("u", op.operatorId() == null ? -1 : op.operatorId()), Integer.class);
		if (earlier == 0 && blank(qualification)) {
			throw new BusinessRuleViolation("初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格（行政处罚法第五十八条第二款）；您的人员信息中没有法律职业资格证书编号");
		}
		LocalDate today = today();
		long id = jdbc.queryForObject("""
				insert into penalty_review (case_id, kind, requested_on, grounds, result, opinion, reviewer_name, reviewer_user, qualification, decided_on)
				values (:c, 'LEGAL', :d, :g, :r, :o, :n, :u, :q, :d) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("d", today).addValue("g", String.join("；", legalReviewGrounds(caseId)))
					.addValue("r", passed ? "PASSED" : "RETURNED").addValue("o", opinion.strip()).addValue("n", who()).addValue("u", op.operatorId())
					.addValue("q", qualification),
				Long.class);
		timers.find(caseId, TimerKind.LEGAL_REVIEW).ifPresent(t -> timers.close(caseId, TimerKind.LEGAL_REVIEW, today));
		record.append("penalty_case", caseId, c.bodyId(), "case.legal_review", "法制审核" + (passed ? "通过" : "退回补正") + "：" + opinion.strip(),
				Map.of("review", id, "qualification", qualification == null ? "" : qualification));
		return reviews(caseId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	/** 负责人集体讨论: participants, minutes and the conclusion. */
	@Transactional
	public Review collectiveDiscussion(DataScope scope, long caseId, String participants, String minutes, String conclusion) {
		PenaltyCase c = cases.get(scope, caseId);
		if (c.stage() != CaseStage.PROPOSED && c.stage() != CaseStage.NOTIFIED) {
			throw new BusinessRuleViolation("案件当前为“" + c.stage().label() + "”，不能进行集体讨论");
		}
		if (blank(participants) || blank(minutes) || blank(conclusion)) {
			throw new BusinessRuleViolation("请填写参加人员、讨论记录和结论");
		}
		long id = jdbc.queryForObject("""
				insert into penalty_review (case_id, kind, requested_on, grounds, result, opinion, participants, reviewer_name, reviewer_user, decided_on)
				values (:c, 'COLLECTIVE', :d, :g, 'DECIDED', :o, :p, :n, :u, :d) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("d", today()).addValue("g", String.join("；", collectiveGrounds(caseId)))
					.addValue("o", minutes.strip() + "\n结论：" + conclusion.strip()).addValue("p", participants.strip()).addValue("n", who())
					.addValue("u", Operator.current().operatorId()),
				Long.class);
		record.append("penalty_case", caseId, c.bodyId(), "case.collective_discussion", "负责人集体讨论：" + conclusion.strip(),
				Map.of("participants", participants.strip(), "sm3", zhifa.shared.Sm3.hex(minutes.strip())));
		return reviews(caseId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	// ---- notice, statements, hearing

	/** 行政处罚事先告知书: the proposed penalty, with the hearing right when Art. 63 or the 较大数额 threshold applies. */
	@Transactional
	public Notice issueNotice(DataScope scope, long caseId, String facts) {
		PenaltyCase c = cases.get(scope, caseId);
		if (c.stage() != CaseStage.PROPOSED) {
			throw new BusinessRuleViolation("案件当前为“" + c.stage().label() + "”，须先提出处罚建议再告知");
		}
		if (blank(facts)) {
			throw BusinessRuleViolation.onField("facts", "请填写告知的违法事实、理由和依据");
		}
		Proposal p = proposal(caseId).orElseThrow();
		var thresholdNode = JSON.readTree(p.assessment()).path("hearingThreshold");
		Long threshold = thresholdNode.isNumber() && thresholdNode.asLong() > 0 ? thresholdNode.asLong() : null;
		boolean hearingRight = p.sanction().triggersHearing(threshold);
		jdbc.update("""
				insert into penalty_notice (case_id, issued_on, types, fine, confiscation, hearing_right, facts)
				values (:c, :d, :t, :f, :co, :h, :x)""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("d", today()).addValue("t", types(p.sanction())).addValue("f", p.sanction().fine())
					.addValue("co", p.sanction().confiscation()).addValue("h", hearingRight).addValue("x", facts.strip()));
		jdbc.update("update penalty_case set stage = 'NOTIFIED', updated_at = now() where id = :id", Map.of("id", caseId));
		record.append("penalty_case", caseId, c.bodyId(), "case.notice_issued", "制作行政处罚事先告知书：" + p.sanction().describe()
				+ (hearingRight ? "，告知听证权利" : ""), Map.of("hearingRight", hearingRight, "threshold", threshold == null ? "" : threshold));
		return notice(caseId).orElseThrow();
	}

	/** Service of the notice starts the party's windows (陈述申辩; 听证申请 five working days). */
	@Transactional
	public Notice serveNotice(DataScope scope, long caseId, LocalDate servedOn, String method, String proof) {
		PenaltyCase c = cases.get(scope, caseId);
		Notice n = notice(caseId).orElseThrow(() -> new BusinessRuleViolation("尚未制作事先告知书"));
		if (n.servedOn() != null) {
			throw new BusinessRuleViolation("事先告知书已于 " + n.servedOn() + " 送达");
		}
		if (servedOn == null || servedOn.isAfter(today()) || servedOn.isBefore(n.issuedOn())) {
			throw BusinessRuleViolation.onField("servedOn", "送达日期应在告知书制作之后、今天之前");
		}
		if (blank(method) || blank(proof)) {
			throw new BusinessRuleViolation("请填写送达方式和送达凭证（如送达回证编号）");
		}
		timers.start(caseId, TimerKind.STATEMENT, servedOn, TimerKind.STATEMENT.defaultAmount());
		LocalDate statementDue = timers.get(caseId, TimerKind.STATEMENT).due();
		LocalDate hearingDue = null;
		if (n.hearingRight()) {
			timers.start(caseId, TimerKind.HEARING_REQUEST, servedOn, TimerKind.HEARING_REQUEST.defaultAmount());
			hearingDue = timers.get(caseId, TimerKind.HEARING_REQUEST).due();
		}
		jdbc.update("""
				update penalty_notice set served_on = :s, service_method = :m, service_proof = :p, statement_due = :sd, hearing_due = :hd where case_id = :c""",
				new MapSqlParameterSource().addValue("s", servedOn).addValue("m", method.strip()).addValue("p", proof.strip()).addValue("sd", statementDue)
					.addValue("hd", hearingDue).addValue("c", caseId));
		record.append("penalty_case", caseId, c.bodyId(), "case.notice_served", "事先告知书以" + method.strip() + "方式于 " + servedOn + " 送达",
				Map.of("proof", proof.strip(), "statementDue", statementDue.toString(), "hearingDue", hearingDue == null ? "" : hearingDue.toString()));
		return notice(caseId).orElseThrow();
	}

	/** A written waiver of the statement or hearing right ends that window early. */
	@Transactional
	public Notice waive(DataScope scope, long caseId, String right, LocalDate on) {
		PenaltyCase c = cases.get(scope, caseId);
		Notice n = notice(caseId).filter(x -> x.servedOn() != null).orElseThrow(() -> new BusinessRuleViolation("事先告知书尚未送达，不能放弃权利"));
		LocalDate day = on == null ? today() : on;
		if (day.isBefore(n.servedOn()) || day.isAfter(today())) {
			throw BusinessRuleViolation.onField("on", "放弃日期应在送达之后、今天之前");
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
		jdbc.update("update penalty_notice set " + (kind == TimerKind.STATEMENT ? "statement_waived_on" : "hearing_waived_on") + " = :d where case_id = :c",
				Map.of("d", day, "c", caseId));
		timers.close(caseId, kind, day);
		record.append("penalty_case", caseId, c.bodyId(), "case.right_waived", "当事人书面放弃" + (kind == TimerKind.STATEMENT ? "陈述、申辩" : "听证") + "权利",
				Map.of("on", day.toString()));
		return notice(caseId).orElseThrow();
	}

	@Transactional
	public Statement addStatement(DataScope scope, long caseId, LocalDate receivedOn, String content) {
		PenaltyCase c = notified(scope, caseId);
		if (receivedOn == null || receivedOn.isAfter(today()) || blank(content)) {
			throw new BusinessRuleViolation("请填写收到陈述、申辩的日期（不晚于今天）和内容");
		}
		long id = jdbc.queryForObject("insert into penalty_statement (case_id, received_on, content) values (:c, :d, :t) returning id",
				Map.of("c", caseId, "d", receivedOn, "t", content.strip()), Long.class);
		record.append("penalty_case", caseId, c.bodyId(), "case.statement", "收到当事人陈述、申辩（" + receivedOn + "）",
				Map.of("statement", id, "sm3", zhifa.shared.Sm3.hex(content.strip())));
		return statements(caseId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

	/** 复核: every fact, reason and piece of evidence the party offered is examined; the result is recorded. */
	@Transactional
	public Statement reexamine(DataScope scope, long caseId, long statementId, String result, String note) {
		PenaltyCase c = notified(scope, caseId);
		if (!Set.of("ADOPTED", "PARTLY", "REJECTED").contains(result == null ? "" : result)) {
			throw BusinessRuleViolation.onField("result", "请选择复核结果：采纳、部分采纳或不予采纳");
		}
		if (blank(note)) {
			throw BusinessRuleViolation.onField("resultNote", "请写明复核意见及理由");
		}
		int n = jdbc.update("""
				update penalty_statement set result = :r, result_note = :n, reviewed_on = :d, reviewed_by = :by where id = :id and case_id = :c and result is null""",
				new MapSqlParameterSource().addValue("r", result).addValue("n", note.strip()).addValue("d", today()).addValue("by", who())
					.addValue("id", statementId).addValue("c", caseId));
		if (n == 0) {
			throw new BusinessRuleViolation("该陈述、申辩不存在或已复核");
		}
		record.append("penalty_case", caseId, c.bodyId(), "case.statement_reexamined", "复核当事人陈述、申辩：" + switch (result) {
			case "ADOPTED" -> "采纳";
			case "PARTLY" -> "部分采纳";
			default -> "不予采纳";
		}, Map.of("statement", statementId, "note", note.strip()));
		return statements(caseId).stream().filter(s -> s.id() == statementId).findFirst().orElseThrow();
	}

	/** 听证申请 within five working days of service (第六十四条第（一）项); the decision period stops meanwhile. */
	@Transactional
	public Hearing requestHearing(DataScope scope, long caseId, LocalDate requestedOn) {
		PenaltyCase c = notified(scope, caseId);
		Notice n = notice(caseId).filter(x -> x.servedOn() != null).orElseThrow(() -> new BusinessRuleViolation("事先告知书尚未送达"));
		if (!n.hearingRight()) {
			throw new BusinessRuleViolation("本案拟作出的处罚不属于应当告知听证权利的情形（行政处罚法第六十三条）");
		}
		if (hearing(caseId).isPresent()) {
			throw new BusinessRuleViolation("当事人已提出听证申请");
		}
		if (n.hearingWaivedOn() != null) {
			throw new BusinessRuleViolation("当事人已于 " + n.hearingWaivedOn() + " 书面放弃听证");
		}
		if (requestedOn == null || requestedOn.isAfter(today()) || requestedOn.isBefore(n.servedOn())) {
			throw BusinessRuleViolation.onField("requestedOn", "申请日期应在送达之后、今天之前");
		}
		if (requestedOn.isAfter(n.hearingDue())) {
			throw BusinessRuleViolation.onField("requestedOn", "当事人应当在告知后五个工作日内提出听证申请，期限已于 " + n.hearingDue() + " 届满（行政处罚法第六十四条）");
		}
		jdbc.update("insert into penalty_hearing (case_id, requested_on) values (:c, :d)", Map.of("c", caseId, "d", requestedOn));
		timers.close(caseId, TimerKind.HEARING_REQUEST, requestedOn);
		timers.pause(caseId, TimerKind.DECISION, requestedOn, "听证程序期间不计入办案期限");
		record.append("penalty_case", caseId, c.bodyId(), "case.hearing_requested", "当事人要求听证（" + requestedOn + "），办案期限中止计算", Map.of());
		return hearing(caseId).orElseThrow();
	}

	/** The hearing notice at least 7 working days before the hearing; the presiding officer is not an investigator; at most two agents. */
	@Transactional
	public Hearing scheduleHearing(DataScope scope, long caseId, LocalDate noticeOn, LocalDate hearingDate, Long presidingId, List<String> agents) {
		PenaltyCase c = notified(scope, caseId);
		Hearing h = hearing(caseId).orElseThrow(() -> new BusinessRuleViolation("当事人没有要求听证"));
		if (h.heldOn() != null) {
			throw new BusinessRuleViolation("听证已举行");
		}
		if (noticeOn == null || hearingDate == null || presidingId == null) {
			throw new BusinessRuleViolation("请填写听证通知日期、听证日期和主持人");
		}
		LocalDate earliest = calendar.due(Deadline.of(noticeOn, 7, DeadlineUnit.WORKING_DAYS, "行政处罚法第六十四条第（二）项")).date();
		if (hearingDate.isBefore(earliest)) {
			throw BusinessRuleViolation.onField("hearingDate", "应当在举行听证的七日前通知当事人；" + noticeOn + " 通知的，听证日期不得早于 " + earliest
					+ "（行政处罚法第六十四条第（二）项）");
		}
		if (c.officers().stream().anyMatch(o -> o.officerId() == presidingId)) {
			throw BusinessRuleViolation.onField("presidingId", "听证由非本案调查人员主持（行政处罚法第六十四条第（四）项）");
		}
		List<String> a = agents == null ? List.of() : agents.stream().filter(x -> !blank(x)).map(String::strip).toList();
		if (a.size() > 2) {
			throw BusinessRuleViolation.onField("agents", "当事人可以委托一至二人代理（行政处罚法第六十四条第（五）项）");
		}
		String presiding = jdbc.queryForObject("select name from officer where id = :id and body_id = :b", Map.of("id", presidingId, "b", c.bodyId()),
				String.class);
		jdbc.update("update penalty_hearing set notice_on = :n, hearing_date = :d, presiding_id = :p, agents = :a where case_id = :c",
				new MapSqlParameterSource().addValue("n", noticeOn).addValue("d", hearingDate).addValue("p", presidingId)
					.addValue("a", String.join("、", a)).addValue("c", caseId));
		record.append("penalty_case", caseId, c.bodyId(), "case.hearing_scheduled", "听证定于 " + hearingDate + " 举行，主持人" + presiding,
				Map.of("noticeOn", noticeOn.toString(), "agents", a));
		return hearing(caseId).orElseThrow();
	}

	@Transactional
	public Hearing recordHearing(DataScope scope, long caseId, LocalDate heldOn, String transcript, String report) {
		PenaltyCase c = notified(scope, caseId);
		Hearing h = hearing(caseId).orElseThrow(() -> new BusinessRuleViolation("当事人没有要求听证"));
		if (h.hearingDate() == null) {
			throw new BusinessRuleViolation("请先安排听证并通知当事人");
		}
		if (heldOn == null || heldOn.isBefore(h.hearingDate()) || heldOn.isAfter(today()) || blank(transcript) || blank(report)) {
			throw new BusinessRuleViolation("请填写举行日期（不早于通知的听证日期、不晚于今天）、听证笔录和听证报告");
		}
		jdbc.update("update penalty_hearing set held_on = :d, transcript = :t, report = :r where case_id = :c",
				Map.of("d", heldOn, "t", transcript.strip(), "r", report.strip(), "c", caseId));
		LocalDate due = timers.resume(caseId, TimerKind.DECISION, heldOn);
		startLegalReviewIfRequired(caseId);
		record.append("penalty_case", caseId, c.bodyId(), "case.hearing_held", "举行听证并形成听证报告，办案期限恢复计算至 " + due,
				Map.of("transcriptSm3", zhifa.shared.Sm3.hex(transcript.strip()), "report", report.strip()));
		return hearing(caseId).orElseThrow();
	}

	/** 延长办案期限 with approval (市场监管: 三十日; a further extension needs collective discussion). */
	@Transactional
	public CaseTimer extendDecision(DataScope scope, long caseId, String reason) {
		PenaltyCase c = cases.get(scope, caseId);
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "请填写延长理由");
		}
		CaseTimer t = timers.get(caseId, TimerKind.DECISION);
		if (t.state() == CaseTimer.State.MET) {
			throw new BusinessRuleViolation("已作出决定，不需要延长");
		}
		if (t.extended() > 0 && reviews(caseId).stream().noneMatch(r -> r.kind().equals("COLLECTIVE") && r.decidedOn() != null
				&& !r.decidedOn().isBefore(today()))) {
			throw new BusinessRuleViolation("办案期限已延长过一次，再次延长须经负责人集体讨论（今日集体讨论后再延长）");
		}
		timers.extend(caseId, TimerKind.DECISION, 30);
		CaseTimer after = timers.get(caseId, TimerKind.DECISION);
		if (after.state() == CaseTimer.State.MISSED) {
			jdbc.update("update penalty_case_timer set state = 'RUNNING' where id = :id", Map.of("id", after.id()));
		}
		record.append("penalty_case", caseId, c.bodyId(), "case.decision_extended", "经批准延长办案期限至 " + after.due(), Map.of("reason", reason.strip()));
		return timers.get(caseId, TimerKind.DECISION);
	}

	private void startLegalReviewIfRequired(long caseId) {
		if (!legalReviewGrounds(caseId).isEmpty() && timers.find(caseId, TimerKind.LEGAL_REVIEW).isEmpty()) {
			timers.start(caseId, TimerKind.LEGAL_REVIEW, today(), TimerKind.LEGAL_REVIEW.defaultAmount());
		}
	}

	/** 中止 or another excluded period (公告、检测检验鉴定): the decision period stops until resumed (第六十条 and the procedure rules). */
	@Transactional
	public CaseTimer pauseDecision(DataScope scope, long caseId, String reason) {
		PenaltyCase c = investigating(scope, caseId, "中止计算办案期限");
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "请写明不计入办案期限的事由（如 检测检验、鉴定、公告、案件中止）");
		}
		CaseTimer t = timers.get(caseId, TimerKind.DECISION);
		if (t.state() != CaseTimer.State.RUNNING) {
			throw new BusinessRuleViolation("办案期限当前为“" + t.state().label() + "”，不能中止");
		}
		timers.pause(caseId, TimerKind.DECISION, today(), reason.strip());
		record.append("penalty_case", caseId, c.bodyId(), "case.period_paused", "办案期限中止计算：" + reason.strip(), Map.of());
		return timers.get(caseId, TimerKind.DECISION);
	}

	@Transactional
	public CaseTimer resumeDecision(DataScope scope, long caseId) {
		PenaltyCase c = investigating(scope, caseId, "恢复计算办案期限");
		if (hearing(caseId).map(h -> h.heldOn() == null).orElse(false)) {
			throw new BusinessRuleViolation("听证尚未结束，办案期限在听证报告形成后自动恢复计算");
		}
		CaseTimer t = timers.get(caseId, TimerKind.DECISION);
		if (t.state() != CaseTimer.State.PAUSED) {
			throw new BusinessRuleViolation("办案期限没有中止");
		}
		LocalDate due = timers.resume(caseId, TimerKind.DECISION, today());
		record.append("penalty_case", caseId, c.bodyId(), "case.period_resumed", "办案期限恢复计算，至 " + due + " 届满", Map.of());
		return timers.get(caseId, TimerKind.DECISION);
	}

	// ---- 先行登记保存、查封、扣押

	public enum MeasureKind {
		PRESERVATION("先行登记保存", TimerKind.PRESERVATION), SEAL("查封", TimerKind.SEIZURE), DETAIN("扣押", TimerKind.SEIZURE);

		private final String label;
		private final TimerKind timer;

		MeasureKind(String label, TimerKind timer) {
			this.label = label;
			this.timer = timer;
		}

		public String label() {
			return label;
		}
	}

	public record Measure(long id, MeasureKind kind, String items, String approvedBy, LocalDate appliedOn, boolean avRecorded, boolean extended,
			LocalDate closedOn, String outcome) {
	}

	public List<Measure> measures(long caseId) {
		return jdbc.query("select * from penalty_measure where case_id = :c order by id", Map.of("c", caseId), (rs, i) -> new Measure(rs.getLong("id"),
				MeasureKind.valueOf(rs.getString("kind")), rs.getString("items"), rs.getString("approved_by"), rs.getDate("applied_on").toLocalDate(),
				rs.getBoolean("av_recorded"), rs.getBoolean("extended"), date(rs, "closed_on"), rs.getString("outcome")));
	}

	/**
	 * 先行登记保存 needs the head's approval and a decision within seven working days (行政处罚法第五十六条); 查封、扣押 need approval,
	 * an on-site record with audio/video (行政强制法第十八条) and last at most thirty days (第二十五条).
	 */
	@Transactional
	public Measure applyMeasure(DataScope scope, long caseId, MeasureKind kind, String items, String approvedBy, LocalDate appliedOn,
			boolean avRecorded) {
		PenaltyCase c = investigating(scope, caseId, "采取证据保全或行政强制措施");
		if (kind == null) {
			throw BusinessRuleViolation.onField("kind", "请选择措施");
		}
		if (blank(items)) {
			throw BusinessRuleViolation.onField("items", "请列明物品清单");
		}
		if (blank(approvedBy)) {
			throw BusinessRuleViolation.onField("approvedBy", kind.label() + "应当经行政机关负责人批准，请填写批准人");
		}
		if (appliedOn == null || appliedOn.isAfter(today()) || appliedOn.isBefore(c.filedOn() == null ? c.receivedOn() : c.receivedOn())) {
			throw BusinessRuleViolation.onField("appliedOn", "实施日期应在收到案源之后、今天之前");
		}
		if (kind != MeasureKind.PRESERVATION && !avRecorded) {
			throw BusinessRuleViolation.onField("avRecorded", kind.label() + "应当制作现场笔录并全程音像记录（行政强制法第十八条）");
		}
		long id = jdbc.queryForObject("""
				insert into penalty_measure (case_id, kind, items, approved_by, applied_on, av_recorded, created_by, created_at)
				values (:c, :k, :i, :a, :d, :av, :by, :now) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("k", kind.name()).addValue("i", items.strip()).addValue("a", approvedBy.strip())
					.addValue("d", appliedOn).addValue("av", avRecorded).addValue("by", who()).addValue("now", Timestamp.from(clock.instant())),
				Long.class);
		timers.start(caseId, kind.timer, id, kind == MeasureKind.PRESERVATION ? "先行登记保存处理决定" : kind.label() + "期限", appliedOn,
				kind.timer.defaultAmount());
		record.append("penalty_case", caseId, c.bodyId(), "case.measure_applied", kind.label() + "：" + items.strip(),
				Map.of("measure", id, "approvedBy", approvedBy.strip(), "avRecorded", avRecorded));
		return measures(caseId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
	}

	/** 查封、扣押 extended once by thirty days with approval (行政强制法第二十五条). */
	@Transactional
	public Measure extendMeasure(DataScope scope, long caseId, long measureId, String reason) {
		PenaltyCase c = investigating(scope, caseId, "延长查封、扣押期限");
		Measure m = measures(caseId).stream().filter(x -> x.id() == measureId).findFirst().orElseThrow(() -> new NotFound("措施"));
		if (m.kind() == MeasureKind.PRESERVATION) {
			throw new BusinessRuleViolation("先行登记保存应当在七个工作日内作出处理决定，不能延长");
		}
		if (m.extended()) {
			throw new BusinessRuleViolation("查封、扣押期限已延长过一次，延长期限不得超过三十日（行政强制法第二十五条）");
		}
		if (m.closedOn() != null || blank(reason)) {
			throw new BusinessRuleViolation(m.closedOn() != null ? "措施已解除或处理" : "请填写延长理由");
		}
		CaseTimer t = timers.ofMeasure(caseId, TimerKind.SEIZURE, measureId);
		if (t.stateOn(today()) == CaseTimer.State.MISSED) {
			throw new BusinessRuleViolation("查封、扣押期限已于 " + t.due() + " 届满，不能再延长");
		}
		LocalDate due = timers.extend(t, 30);
		jdbc.update("update penalty_measure set extended = true where id = :id", Map.of("id", measureId));
		record.append("penalty_case", caseId, c.bodyId(), "case.measure_extended", m.kind().label() + "期限经批准延长至 " + due, Map.of("reason", reason.strip()));
		return measures(caseId).stream().filter(x -> x.id() == measureId).findFirst().orElseThrow();
	}

	/** The measure ends: 先行登记保存 decided (解除、没收、移送…), or 查封、扣押 released or dealt with. */
	@Transactional
	public Measure closeMeasure(DataScope scope, long caseId, long measureId, String outcome) {
		PenaltyCase c = cases.get(scope, caseId);
		Measure m = measures(caseId).stream().filter(x -> x.id() == measureId).findFirst().orElseThrow(() -> new NotFound("措施"));
		if (m.closedOn() != null) {
			throw new BusinessRuleViolation("措施已于 " + m.closedOn() + " 处理");
		}
		if (blank(outcome)) {
			throw BusinessRuleViolation.onField("outcome", "请写明处理决定（如 解除先行登记保存、予以没收、移送检测）");
		}
		jdbc.update("update penalty_measure set closed_on = :d, outcome = :o where id = :id", Map.of("d", today(), "o", outcome.strip(), "id", measureId));
		timers.close(timers.ofMeasure(caseId, m.kind().timer, measureId), today());
		record.append("penalty_case", caseId, c.bodyId(), "case.measure_closed", m.kind().label() + "处理：" + outcome.strip(), Map.of("measure", measureId));
		return measures(caseId).stream().filter(x -> x.id() == measureId).findFirst().orElseThrow();
	}

	// ---- the decision

	public record DecisionForm(DecisionOutcome outcome, Set<PenaltyType> types, Long fine, Long confiscation, String text, String educationRecord,
			TriageOutcome reasonCode) {

		public DecisionForm(DecisionOutcome outcome, Set<PenaltyType> types, Long fine, Long confiscation, String text, String educationRecord) {
			this(outcome, types, fine, confiscation, text, educationRecord, null);
		}
	}

	/** 作出决定 behind every gate of {@link DecisionGates}; refused with all reasons and nothing written. */
	@Transactional
	public PenaltyCase decide(DataScope scope, long caseId, DecisionForm f) {
		PenaltyCase c = cases.get(scope, caseId);
		jdbc.queryForObject("select id from penalty_case where id = :id for update", Map.of("id", caseId), Long.class);
		if (c.stage() != CaseStage.FILED && c.stage() != CaseStage.PROPOSED && c.stage() != CaseStage.NOTIFIED) {
			throw new BusinessRuleViolation("案件当前为“" + c.stage().label() + "”，不能作出决定");
		}
		if (f.outcome() == null) {
			throw BusinessRuleViolation.onField("outcome", "请选择处理决定");
		}
		if (blank(f.text())) {
			throw BusinessRuleViolation.onField("text", "请填写决定的事实、理由和依据");
		}
		if (f.outcome() == DecisionOutcome.NO_PENALTY && blank(f.educationRecord())) {
			throw BusinessRuleViolation.onField("educationRecord", "不予行政处罚的，应当对当事人进行教育（行政处罚法第三十三条第三款）");
		}
		if (f.outcome() == DecisionOutcome.NO_PENALTY && (f.reasonCode() == null || !f.reasonCode().educationRequired())) {
			throw BusinessRuleViolation.onField("reasonCode", "请选择不予行政处罚的法定情形（行政处罚法第三十条、第三十一条、第三十三条）");
		}
		if (f.outcome() == DecisionOutcome.NO_PENALTY) {
			var contradiction = f.reasonCode().contradiction(cases.partyBirthDate(caseId).orElse(null), c.actDate(), cases.expertOpinionOnFile(caseId));
			if (contradiction.isPresent()) {
				throw BusinessRuleViolation.onField("reasonCode", contradiction.get());
			}
		}
		Sanction decided = f.outcome().penalty() ? new Sanction(f.types(), f.fine(), f.confiscation()) : new Sanction(Set.of(), null, null);
		if (f.outcome().penalty() && decided.types().isEmpty()) {
			throw BusinessRuleViolation.onField("types", "请选择处罚种类");
		}
		List<String> refusals = DecisionGates.refusals(facts(c, f.outcome(), decided));
		if (!refusals.isEmpty()) {
			throw new BusinessRuleViolation("不能作出决定：" + String.join("；", refusals));
		}
		LocalDate today = today();
		String number = null;
		if (f.outcome().penalty() || f.outcome() == DecisionOutcome.NO_PENALTY || f.outcome() == DecisionOutcome.NOT_ESTABLISHED) {
			number = numbers.next(c.bodyId(), CaseNumbers.DECISION, today.getYear()).text();
		}
		jdbc.update("""
				update penalty_case set stage = 'DECIDED', decision_outcome = :o, decided_on = :d, decision_number = :n, decision_types = :t, decision_fine = :f,
				  decision_confiscation = :co, decision_text = :x, education_record = coalesce(:e, education_record),
				  outcome = coalesce(:rc, outcome), updated_at = now() where id = :id""",
				new MapSqlParameterSource().addValue("o", f.outcome().name()).addValue("d", today).addValue("n", number).addValue("t", types(decided))
					.addValue("f", decided.fine()).addValue("co", decided.confiscation()).addValue("x", f.text().strip())
					.addValue("e", blank(f.educationRecord()) ? null : f.educationRecord().strip())
					.addValue("rc", f.outcome() == DecisionOutcome.NO_PENALTY ? f.reasonCode().name() : null).addValue("id", caseId));
		timers.close(caseId, TimerKind.DECISION, today);
		if (f.outcome().penalty()) {
			// 第六十一条: handed over on the spot, or served within seven working days
			timers.start(caseId, TimerKind.SERVICE, today, TimerKind.SERVICE.defaultAmount());
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("outcome", f.outcome().label());
		data.put("decisionNumber", number == null ? "" : number);
		data.put("sanction", decided.describe());
		if (f.reasonCode() != null && f.outcome() == DecisionOutcome.NO_PENALTY) {
			data.put("reason", f.reasonCode().label() + "（" + f.reasonCode().source() + "）");
		}
		data.put("gates", DecisionGates.evaluate(facts(c, f.outcome(), decided)).stream().map(DecisionGates.Result::gate).toList());
		record.append("penalty_case", caseId, c.bodyId(), "case.decided", f.outcome().label() + (number == null ? "" : "，" + number)
				+ (f.outcome().penalty() ? "：" + decided.describe() : ""), data);
		return cases.get(DataScope.all(), caseId);
	}

	DecisionGates.Facts facts(PenaltyCase c, DecisionOutcome outcome, Sanction decided) {
		LocalDate today = today();
		Optional<Notice> n = notice(c.id());
		Optional<Hearing> h = hearing(c.id());
		List<Statement> st = statements(c.id());
		List<Review> rv = reviews(c.id());
		boolean legalPassed = rv.stream().filter(r -> r.kind().equals("LEGAL")).reduce((a, b) -> b).map(r -> "PASSED".equals(r.result())).orElse(false);
		boolean collectiveHeld = rv.stream().anyMatch(r -> r.kind().equals("COLLECTIVE") && r.decidedOn() != null);
		int valid = (int) c.officers().stream().map(o -> authority.check(o.officerId(), c.domainCode(), today)).filter(d -> d.allowed())
			.map(d -> d.certificateNumber()).distinct().count();
		List<String> earlierFines = decided.fine() == null ? List.of() : jdbc.query("""
				select x.decision_number, x.decision_fine, b.name from penalty_case x join org_body b on b.id = x.body_id
				where x.id <> :id and x.party_key = (select party_key from penalty_case where id = :id) and x.decision_outcome = 'PENALTY'
				  and x.decision_fine is not null and x.act_date <= :end and coalesce(x.act_end_date, x.act_date) >= :start
				  and exists (select 1 from enforcement_matter_basis p join enforcement_matter_basis q on p.provision_id = q.provision_id
				              where p.matter_id = x.matter_id and q.matter_id = :m)""",
				new MapSqlParameterSource().addValue("id", c.id()).addValue("start", c.actDate()).addValue("end", c.actEndDate() == null ? c.actDate() : c.actEndDate())
					.addValue("m", c.matterId()),
				(rs, i) -> rs.getString(3) + " " + rs.getString(1) + " 罚款" + Sanction.yuan(rs.getLong(2)));
		CaseTimer decision = timers.get(c.id(), TimerKind.DECISION);
		boolean argued = !st.isEmpty() || h.isPresent();
		return new DecisionGates.Facts(today, outcome.penalty(), decided, n.map(Notice::sanction).orElse(null), n.map(Notice::servedOn).orElse(null),
				n.map(Notice::statementDue).orElse(null), n.map(Notice::statementWaivedOn).orElse(null), n.map(Notice::hearingRight).orElse(false),
				n.map(Notice::hearingDue).orElse(null), n.map(Notice::hearingWaivedOn).orElse(null), h.isPresent(),
				h.map(x -> x.heldOn() != null).orElse(false), (int) st.stream().filter(s -> s.result() == null).count(), argued,
				outcome.penalty() && !legalReviewGrounds(c.id()).isEmpty(), legalPassed, outcome.penalty() && !collectiveGrounds(c.id()).isEmpty(),
				collectiveHeld, valid, earlierFines, decision.due(), decision.state() == CaseTimer.State.PAUSED,
				Liability.noPunishment(cases.partyBirthDate(c.id()).orElse(null), c.actDate(), proposal(c.id()).map(Proposal::circumstances).orElse(Set.of())));
	}

	// ----

	private PenaltyCase investigating(DataScope scope, long caseId, String action) {
		PenaltyCase c = cases.get(scope, caseId);
		if (c.stage() != CaseStage.FILED && c.stage() != CaseStage.PROPOSED && c.stage() != CaseStage.NOTIFIED) {
			throw new BusinessRuleViolation("案件当前为“" + c.stage().label() + "”，不能" + action);
		}
		return c;
	}

	private PenaltyCase notified(DataScope scope, long caseId) {
		PenaltyCase c = cases.get(scope, caseId);
		if (c.stage() != CaseStage.NOTIFIED) {
			throw new BusinessRuleViolation("案件当前为“" + c.stage().label() + "”，须在事先告知后办理");
		}
		return c;
	}

	private void checkOfficers(PenaltyCase c, List<Long> officerIds) {
		LocalDate today = today();
		List<String> problems = new ArrayList<>();
		long valid = 0;
		java.util.Set<String> certificates = new java.util.HashSet<>();
		for (Long id : officerIds.stream().distinct().toList()) {
			Long body = jdbc.queryForObject("select body_id from officer where id = :id", Map.of("id", id), Long.class);
			if (body == null || body != c.bodyId()) {
				problems.add("人员 " + id + " 不是本机关的执法人员");
				continue;
			}
			var d = authority.check(id, c.domainCode(), today);
			if (d.allowed() && certificates.add(d.certificateNumber())) {
				valid++;
			}
			else if (!d.allowed()) {
				problems.add(d.explanation());
			}
		}
		if (valid < 2) {
			problems.add("变更后持有效执法证件的办案人员不足两名（行政处罚法第四十二条）");
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleViolation("不能变更办案人员：" + String.join("；", problems));
		}
	}

	private void release(long caseId, long officerId) {
		jdbc.update("update penalty_case_officer set released_on = :d where case_id = :c and officer_id = :o and released_on is null",
				Map.of("d", today(), "c", caseId, "o", officerId));
	}

	private void assign(long caseId, long officerId) {
		jdbc.update("""
				insert into penalty_case_officer (case_id, officer_id, assigned_on) values (:c, :o, :d)
				on conflict (case_id, officer_id, assigned_on) do update set released_on = null""", Map.of("c", caseId, "o", officerId, "d", today()));
	}

	private String regionPath(long bodyId) {
		return jdbc.queryForObject("select r.path from org_body b join org_region r on r.id = b.region_id where b.id = :b", Map.of("b", bodyId), String.class);
	}

	private String partyKey(long caseId) {
		return jdbc.queryForObject("select party_key from penalty_case where id = :id", Map.of("id", caseId), String.class);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static String who() {
		return Operator.current().operatorName();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static LocalDate date(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
		return rs.getDate(col) == null ? null : rs.getDate(col).toLocalDate();
	}

	private static String types(Sanction s) {
		return s.types().stream().map(Enum::name).collect(Collectors.joining(","));
	}

	static Sanction sanction(String types, Long fine, Long confiscation) {
		Set<PenaltyType> t = types == null || types.isBlank() ? EnumSet.noneOf(PenaltyType.class)
				: Arrays.stream(types.split(",")).map(PenaltyType::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(PenaltyType.class)));
		return new Sanction(t, fine, confiscation);
	}

	private static Set<Circumstance> circumstances(String text) {
		return text == null || text.isBlank() ? Set.of() : Arrays.stream(text.split(",")).map(Circumstance::valueOf).collect(Collectors.toSet());
	}

	private static List<String> lines(String text) {
		return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
	}
}

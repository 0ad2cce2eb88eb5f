package zhifa.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 执法事项目录 (方案任务11): a body compiles its matters (the working catalogue) → submits them to the justice bureau for
 * 备案 → the bureau reviews every item for 合法性、合理性、必要性 with an opinion → publishes a numbered version, or returns
 * the submission with its opinions. Published versions never change (the database refuses it); each later adjustment is
 * a new version whose differences from the previous one are listed in words ({@link CatalogueDiff}).
 */
@Service
public class Catalogues {

	private final NamedParameterJdbcTemplate jdbc;
	private final Matters matters;
	private final BodyScopes scopes;
	private final FullProcessRecord record;
	private final Clock clock;

	Catalogues(NamedParameterJdbcTemplate jdbc, Matters matters, BodyScopes scopes, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.matters = matters;
		this.scopes = scopes;
		this.record = record;
		this.clock = clock;
	}

	public enum SubmissionStatus {
		SUBMITTED("审查中"), RETURNED("已退回"), PUBLISHED("已发布"), WITHDRAWN("已撤回");

		private final String label;

		SubmissionStatus(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Submission(long id, long bodyId, String bodyName, SubmissionStatus status, String note, String submittedBy, Instant submittedAt,
			String decidedBy, Instant decidedAt, String opinion, Integer versionNo, int items, int reviewed) {
	}

	/** An item of a submission with its review (review fields null until reviewed). */
	public record ReviewedEntry(CatalogueEntry entry, ItemReview review, String reviewedBy, Instant reviewedAt) {
	}

	public record Version(long id, long bodyId, String bodyName, int number, String publishedBy, Instant publishedAt, int itemCount) {

		public LocalDate publishedOn() {
			return publishedAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
		}
	}

	/** A body's catalogue at a glance. */
	public record Overview(long bodyId, String bodyName, Optional<Version> latest, Optional<Submission> open, CatalogueDiff pending) {
	}

	// ---- reading

	/** The working catalogue: the body's matters that are not cancelled, drafts included. */
	public List<CatalogueEntry> working(DataScope scope, long bodyId) {
		checkCovers(scope, bodyId);
		return matters.list(DataScope.all(), bodyId, null).stream().filter(m -> m.status() != MatterStatus.CANCELLED).map(CatalogueEntry::asIs).toList();
	}

	public Overview overview(DataScope scope, long bodyId) {
		checkCovers(scope, bodyId);
		Optional<Version> latest = latest(bodyId);
		List<CatalogueEntry> before = latest.map(v -> entries(v.id())).orElse(List.of());
		String name = jdbc.queryForObject("select name from body_view where id = :b", Map.of("b", bodyId), String.class);
		List<CatalogueEntry> next = matters.list(DataScope.all(), bodyId, null).stream().filter(m -> m.status() != MatterStatus.CANCELLED)
			.map(CatalogueEntry::of).toList();
		return new Overview(bodyId, name, latest, submissions(bodyId).stream().filter(s -> s.status() == SubmissionStatus.SUBMITTED).findFirst(),
				CatalogueDiff.between(before, next));
	}

	public List<Version> versions(DataScope scope, long bodyId) {
		checkCovers(scope, bodyId);
		return jdbc.query(VERSION + " where v.body_id = :b order by v.version_no desc", Map.of("b", bodyId), (rs, i) -> version(rs));
	}

	public Version version(DataScope scope, long bodyId, int number) {
		checkCovers(scope, bodyId);
		return jdbc.query(VERSION + " where v.body_id = :b and v.version_no = :n", Map.of("b", bodyId, "n", number), (rs, i) -> version(rs)).stream()
			.findFirst().orElseThrow(() -> new NotFound("执法事项目录第" + number + "版"));
	}

	public List<CatalogueEntry> entries(long versionId) {
		return jdbc.query("select * from catalogue_version_item where version_id = :v order by code", Map.of("v", versionId), (rs, i) -> entry(rs));
	}

	/** What version {@code number} changed compared with the one before it (everything is new in version 1). */
	public CatalogueDiff changesIn(DataScope scope, long bodyId, int number) {
		Version v = version(scope, bodyId, number);
		List<CatalogueEntry> before = number == 1 ? List.of() : entries(version(scope, bodyId, number - 1).id());
		return CatalogueDiff.between(before, entries(v.id()));
	}

	/** The latest version published on or before the day: what the body may enforce on that day. */
	public Optional<Version> publishedOn(long bodyId, LocalDate day) {
		return jdbc.query(VERSION + " where v.body_id = :b and v.published_at < :end order by v.version_no desc limit 1",
				Map.of("b", bodyId, "end", Timestamp.from(day.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant())), (rs, i) -> version(rs))
			.stream().findFirst();
	}

	/**
	 * The types of matter in each body's catalogue in force on the day (the latest version published by its end), for
	 * many bodies in one read; a body without a published catalogue is absent.
	 */
	public Map<Long, java.util.Set<MatterType>> typesPublishedOn(java.util.Collection<Long> bodyIds, LocalDate day) {
		Map<Long, java.util.Set<MatterType>> out = new java.util.HashMap<>();
		if (bodyIds.isEmpty()) {
			return out;
		}
		jdbc.query("""
				select distinct v.body_id, i.type from (select distinct on (body_id) id, body_id from catalogue_version
				  where body_id in (:b) and published_at < :end order by body_id, version_no desc) v
				join catalogue_version_item i on i.version_id = v.id""",
				Map.of("b", bodyIds, "end", Timestamp.from(day.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant())),
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> out.computeIfAbsent(rs.getLong(1), k -> java.util.EnumSet.noneOf(MatterType.class))
					.add(MatterType.valueOf(rs.getString(2))));
		return out;
	}

	/** Whether the matter is in the body's published catalogue on the day with status 有效 — asked by case handling. */
	public boolean inForce(long bodyId, long matterId, LocalDate day) {
		return publishedOn(bodyId, day).map(v -> entries(v.id()).stream().anyMatch(e -> e.matterId() == matterId && e.status() == MatterStatus.ACTIVE))
			.orElse(false);
	}

	/** Every body in the scope with its latest version, for the catalogue list and the public API. */
	public List<Version> latestVersions(DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		return jdbc.query(VERSION + " where v.version_no = (select max(x.version_no) from catalogue_version x where x.body_id = v.body_id) and "
				+ scopes.sqlCondition(scope, "v.body_id", p) + " order by b.name", p, (rs, i) -> version(rs));
	}

	public List<Submission> submissions(long bodyId) {
		return jdbc.query(SUBMISSION + " where s.body_id = :b order by s.id desc", Map.of("b", bodyId), (rs, i) -> submission(rs));
	}

	/** Submissions in the scope with the given status (the justice bureau's review queue). */
	public List<Submission> submissions(DataScope scope, SubmissionStatus status) {
		Map<String, Object> p = new HashMap<>();
		p.put("st", status.name());
		return jdbc.query(SUBMISSION + " where s.status = :st and " + scopes.sqlCondition(scope, "s.body_id", p) + " order by s.submitted_at", p,
				(rs, i) -> submission(rs));
	}

	public Submission submission(DataScope scope, long id) {
		return jdbc.query(SUBMISSION + " where s.id = :id", Map.of("id", id), (rs, i) -> submission(rs)).stream()
			.filter(s -> scopes.covers(scope, s.bodyId())).findFirst().orElseThrow(() -> new NotFound("目录报备"));
	}

	public List<ReviewedEntry> submissionItems(long submissionId) {
		return jdbc.query("select * from catalogue_submission_item where submission_id = :s order by code", Map.of("s", submissionId),
				(rs, i) -> new ReviewedEntry(entry(rs),
						new ItemReview((Boolean) rs.getObject("legality"), (Boolean) rs.getObject("reasonableness"), (Boolean) rs.getObject("necessity"),
								rs.getString("opinion")),
						rs.getString("reviewed_by"), rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant()));
	}

	/** What the submission would change compared with the version published when it is read. */
	public CatalogueDiff submissionDiff(Submission s) {
		List<CatalogueEntry> before = latest(s.bodyId()).map(v -> entries(v.id())).orElse(List.of());
		return CatalogueDiff.between(before, submissionItems(s.id()).stream().map(ReviewedEntry::entry).toList());
	}

	// ---- the workflow

	/** 报备: the body's working catalogue goes to the justice bureau as a snapshot. */
	@Transactional
	public Submission submit(DataScope scope, long bodyId, String note) {
		Overview o = overview(scope, bodyId);
		if (o.open().isPresent()) {
			throw new BusinessRuleViolation("本单位已有一份目录报备正在审查中，审查完成或撤回后才能再次报备");
		}
		List<Matter> current = matters.list(DataScope.all(), bodyId, null).stream().filter(m -> m.status() != MatterStatus.CANCELLED).toList();
		if (current.isEmpty()) {
			throw new BusinessRuleViolation("目录中没有事项，请先编制执法事项");
		}
		List<String> withoutBasis = current.stream().filter(m -> m.basis().isEmpty()).map(m -> m.code() + " " + m.name()).toList();
		if (!withoutBasis.isEmpty()) {
			throw new BusinessRuleViolation("以下事项没有法律、法规、规章依据，只能提议取消，不能报备：" + String.join("；", withoutBasis));
		}
		if (o.pending().isEmpty()) {
			throw new BusinessRuleViolation("目录与已发布的第" + o.latest().map(Version::number).orElse(0) + "版相比没有变化，无需报备");
		}
		long id = jdbc.queryForObject("""
				insert into catalogue_submission (body_id, status, note, submitted_by, submitted_at)
				values (:b, 'SUBMITTED', :n, :by, :now) returning id""",
				new MapSqlParameterSource().addValue("b", bodyId).addValue("n", note == null ? "" : note.strip()).addValue("by", operatorName())
					.addValue("now", Timestamp.from(clock.instant())),
				Long.class);
		jdbc.batchUpdate("""
				insert into catalogue_submission_item (submission_id, matter_id, code, name, type, domain_code, township, status, basis, violation_codes)
				values (:s, :m, :c, :n, :t, :d, :tw, :st, :b, :v)""",
				current.stream().map(CatalogueEntry::of).map(e -> params(e).addValue("s", id)).toArray(MapSqlParameterSource[]::new));
		// an item unchanged since the version in force keeps the review that passed it (the reviewer may still review it
		// again): the bureau reviews the adjustment, not the whole catalogue over again
		int carried = o.latest().map(v -> jdbc.update("""
				update catalogue_submission_item i set legality = p.legality, reasonableness = p.reasonableness, necessity = p.necessity,
				  opinion = left('沿用第' || s.version_no || '版的审查结论' || coalesce('：' || p.opinion, ''), 1000), reviewed_by = p.reviewed_by,
				  reviewed_at = p.reviewed_at
				from catalogue_submission_item p join catalogue_submission s on s.id = p.submission_id
				where i.submission_id = :new and s.body_id = :b and s.status = 'PUBLISHED' and s.version_no = :v and p.code = i.code
				  and p.name = i.name and p.type = i.type and p.domain_code = i.domain_code and p.township = i.township and p.status = i.status
				  and p.basis = i.basis and p.violation_codes = i.violation_codes and p.legality and p.reasonableness and p.necessity
				  -- not when a law it cites changed since that review (a new version imported or taking effect, or repealed)
				  and not exists (select 1 from legal_document ld where position(ld.short_title in i.basis) > 0
				    and (ld.created_at > p.reviewed_at or ld.effective_from > p.reviewed_at::date and ld.effective_from <= :today
				         or ld.repealed_on > p.reviewed_at::date and ld.repealed_on <= :today))""",
				Map.of("new", id, "b", bodyId, "v", v.number(), "today", LocalDate.now(clock)))).orElse(0);
		record.append("catalogue_submission", id, bodyId, "catalogue.submitted", "执法事项目录报司法局备案审查（" + o.pending().summary() + "）"
				+ (carried > 0 ? "；" + carried + "项未变化，沿用上一版的审查结论" : ""),
				Map.of("items", current.size(), "changes", o.pending().summary(), "note", note == null ? "" : note.strip(), "carried", carried));
		return submission(DataScope.all(), id);
	}

	/** The body takes back a submission that has not been decided. */
	@Transactional
	public Submission withdraw(DataScope scope, long id, String reason) {
		Submission s = open(scope, id);
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写撤回原因");
		}
		decide(s, SubmissionStatus.WITHDRAWN, reason.strip(), null);
		record.append("catalogue_submission", id, s.bodyId(), "catalogue.withdrawn", "撤回执法事项目录报备", Map.of("reason", reason.strip()));
		return submission(DataScope.all(), id);
	}

	/** The review of one item: 合法性、合理性、必要性, with an opinion (required when any fails). */
	@Transactional
	public ReviewedEntry review(DataScope scope, long id, String code, ItemReview review) {
		Submission s = open(scope, id);
		review.validate();
		int n = jdbc.update("""
				update catalogue_submission_item set legality = :l, reasonableness = :r, necessity = :n, opinion = :o, reviewed_by = :by, reviewed_at = :now
				where submission_id = :s and code = :c""",
				new MapSqlParameterSource().addValue("l", review.legality()).addValue("r", review.reasonableness()).addValue("n", review.necessity())
					.addValue("o", review.opinion() == null || review.opinion().isBlank() ? null : review.opinion().strip()).addValue("by", operatorName())
					.addValue("now", Timestamp.from(clock.instant())).addValue("s", id).addValue("c", code));
		if (n == 0) {
			throw new NotFound("报备事项“" + code + "”");
		}
		record.append("catalogue_submission", id, s.bodyId(), "catalogue.item_reviewed",
				"审查事项 " + code + "：" + (review.passed() ? "通过" : String.join("、", review.failures()) + "不通过"),
				Map.of("code", code, "legality", review.legality(), "reasonableness", review.reasonableness(), "necessity", review.necessity(),
						"opinion", review.opinion() == null ? "" : review.opinion().strip()));
		return submissionItems(id).stream().filter(e -> e.entry().code().equals(code)).findFirst().orElseThrow();
	}

	/** 退回: the body must change its catalogue and submit again. */
	@Transactional
	public Submission returnToBody(DataScope scope, long id, String opinion) {
		Submission s = open(scope, id);
		if (opinion == null || opinion.isBlank()) {
			throw BusinessRuleViolation.onField("opinion", "退回须填写审查意见");
		}
		decide(s, SubmissionStatus.RETURNED, opinion.strip(), null);
		record.append("catalogue_submission", id, s.bodyId(), "catalogue.returned", "执法事项目录报备被退回修改", Map.of("opinion", opinion.strip()));
		return submission(DataScope.all(), id);
	}

	/**
	 * 发布: every item reviewed and passed on all three counts → the next numbered version, a copy of the submitted items
	 * that never changes; drafts in it take effect.
	 */
	@Transactional
	public Version publish(DataScope scope, long id, String opinion) {
		Submission s = open(scope, id);
		List<ReviewedEntry> items = submissionItems(id);
		List<String> unreviewed = items.stream().filter(e -> !e.review().complete()).map(e -> e.entry().code()).toList();
		if (!unreviewed.isEmpty()) {
			throw new BusinessRuleViolation("还有 " + unreviewed.size() + " 个事项未审查（" + String.join("、", unreviewed) + "），不能发布");
		}
		List<String> failed = items.stream().filter(e -> !e.review().passed())
			.map(e -> e.entry().code() + "（" + String.join("、", e.review().failures()) + "不通过）").toList();
		if (!failed.isEmpty()) {
			throw new BusinessRuleViolation("有事项审查未通过，应退回修改：" + String.join("；", failed));
		}
		// one publication per body at a time: the version number is the previous one plus one
		jdbc.queryForList("select pg_advisory_xact_lock(hashtext('catalogue_version'), cast(:b as integer))", Map.of("b", s.bodyId()));
		int number = latest(s.bodyId()).map(Version::number).orElse(0) + 1;
		CatalogueDiff diff = submissionDiff(s);
		long versionId = jdbc.queryForObject("""
				insert into catalogue_version (body_id, version_no, submission_id, published_by, published_at, item_count)
				values (:b, :n, :s, :by, :now, :c) returning id""",
				new MapSqlParameterSource().addValue("b", s.bodyId()).addValue("n", number).addValue("s", id).addValue("by", operatorName())
					.addValue("now", Timestamp.from(clock.instant())).addValue("c", items.size()),
				Long.class);
		jdbc.batchUpdate("""
				insert into catalogue_version_item (version_id, matter_id, code, name, type, domain_code, township, status, basis, violation_codes)
				values (:s, :m, :c, :n, :t, :d, :tw, :st, :b, :v)""",
				items.stream().map(e -> params(e.entry()).addValue("s", versionId)).toArray(MapSqlParameterSource[]::new));
		decide(s, SubmissionStatus.PUBLISHED, opinion == null || opinion.isBlank() ? "审查通过，予以发布" : opinion.strip(), number);
		for (ReviewedEntry e : items) {
			Matter m = matters.get(DataScope.all(), e.entry().matterId());
			if (m.status() == MatterStatus.DRAFT) {
				matters.activateOnPublish(m, number);
			}
		}
		record.append("catalogue_version", versionId, s.bodyId(), "catalogue.published",
				"发布执法事项目录第" + number + "版（" + diff.summary() + "）",
				Map.of("version", number, "items", items.size(), "submission", id, "added", diff.added().stream().map(CatalogueEntry::code).toList(),
						"removed", diff.removed().stream().map(CatalogueEntry::code).toList(),
						"changed", diff.changed().stream().map(c -> c.code() + "：" + String.join("；", c.lines())).toList()));
		return version(DataScope.all(), s.bodyId(), number);
	}

	// ----

	private Submission open(DataScope scope, long id) {
		Submission s = submission(scope, id);
		if (s.status() != SubmissionStatus.SUBMITTED) {
			throw new BusinessRuleViolation("该报备" + s.status().label() + "，不能再操作");
		}
		return s;
	}

	private void decide(Submission s, SubmissionStatus to, String opinion, Integer version) {
		jdbc.update("""
				update catalogue_submission set status = :st, decided_by = :by, decided_at = :now, opinion = :o, version_no = :v
				where id = :id and status = 'SUBMITTED'""",
				new MapSqlParameterSource().addValue("st", to.name()).addValue("by", operatorName()).addValue("now", Timestamp.from(clock.instant()))
					.addValue("o", opinion).addValue("v", version).addValue("id", s.id()));
	}

	private Optional<Version> latest(long bodyId) {
		return jdbc.query(VERSION + " where v.body_id = :b order by v.version_no desc limit 1", Map.of("b", bodyId), (rs, i) -> version(rs)).stream()
			.findFirst();
	}

	private void checkCovers(DataScope scope, long bodyId) {
		if (!scopes.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
	}

	private static String operatorName() {
		return Operator.current().operatorName();
	}

	private static MapSqlParameterSource params(CatalogueEntry e) {
		return new MapSqlParameterSource().addValue("m", e.matterId()).addValue("c", e.code()).addValue("n", e.name()).addValue("t", e.type().name())
			.addValue("d", e.domainCode()).addValue("tw", e.township()).addValue("st", e.status().name()).addValue("b", String.join("|", e.basis()))
			.addValue("v", String.join(",", e.violationCodes()));
	}

	private static CatalogueEntry entry(ResultSet rs) throws SQLException {
		String basis = rs.getString("basis");
		String codes = rs.getString("violation_codes");
		return new CatalogueEntry(rs.getLong("matter_id"), rs.getString("code"), rs.getString("name"), MatterType.valueOf(rs.getString("type")),
				rs.getString("domain_code"), rs.getBoolean("township"), MatterStatus.valueOf(rs.getString("status")),
				basis.isEmpty() ? List.of() : List.of(basis.split("\\|")), codes.isEmpty() ? List.of() : List.of(codes.split(",")));
	}

	private static final String VERSION = "select v.*, b.name as body_name from catalogue_version v join body_view b on b.id = v.body_id";

	private static Version version(ResultSet rs) throws SQLException {
		return new Version(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getInt("version_no"), rs.getString("published_by"),
				rs.getTimestamp("published_at").toInstant(), rs.getInt("item_count"));
	}

	private static final String SUBMISSION = """
			select s.*, b.name as body_name,
			  (select count(*) from catalogue_submission_item i where i.submission_id = s.id) as items,
			  (select count(*) from catalogue_submission_item i where i.submission_id = s.id and i.necessity is not null) as reviewed
			from catalogue_submission s join body_view b on b.id = s.body_id""";

	private static Submission submission(ResultSet rs) throws SQLException {
		return new Submission(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), SubmissionStatus.valueOf(rs.getString("status")),
				rs.getString("note"), rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("decided_by"),
				rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), rs.getString("opinion"),
				(Integer) rs.getObject("version_no"), rs.getInt("items"), rs.getInt("reviewed"));
	}
}

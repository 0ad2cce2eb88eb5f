package zhifa.supervision.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.Conflict;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.Sm3;
import zhifa.supervision.alert.AlertRules;

/**
 * 评查标准的版本 ({@link Rubric}, written as {@link RubricText}): drafted by a supervisor — from scratch or as the next
 * version of one — and published; a published version never changes (a database trigger refuses it) and a programme
 * keeps the version it used.
 */
@Service
public class Rubrics {

	static final String SUBJECT = "sv_rubric";

	public record RubricVersion(long id, String code, int version, String title, boolean example, boolean published, String content, Rubric rubric,
			Instant publishedAt) {

		public String label() {
			return title + "（第" + version + "版" + (published ? "" : "，草稿") + "）";
		}
	}

	public List<RubricVersion> rubrics() {
		return jdbc.query("select * from sv_rubric order by code, version desc", Map.of(), this::rubricRow);
	}

	public RubricVersion rubric(long id) {
		return jdbc.query("select * from sv_rubric where id = :id", Map.of("id", id), this::rubricRow).stream().findFirst()
			.orElseThrow(() -> new NotFound("评查标准"));
	}

	/**
	 * A new draft: the next version of an existing rubric ({@code fromId}) or the first of a new one. The text is checked
	 * in full (every line's error named); the draft can be changed until published.
	 */
	@Transactional
	public RubricVersion draftRubric(Operator op, Long fromId, String title, String text) {
		ReviewAccess.requireSupervisor(op, directory);
		Rubric parsed = RubricText.parse(title, text, AlertRules.all().stream().map(r -> r.code()).collect(Collectors.toSet()));
		String code;
		int version;
		if (fromId != null) {
			RubricVersion from = rubric(fromId);
			code = from.code();
			jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('sv_rubric:' || :c))", Map.of("c", code), Object.class);
			version = jdbc.queryForObject("select max(version) + 1 from sv_rubric where code = :c", Map.of("c", code), Integer.class);
		}
		else {
			code = "R" + jdbc.queryForObject("select nextval('sv_rubric_id_seq')", Map.of(), Long.class);
			version = 1;
		}
		long id = jdbc.queryForObject("""
				insert into sv_rubric (code, version, title, status, content, created_by, created_at)
				values (:c, :v, :t, 'DRAFT', :x, :by, :now) returning id""", new MapSqlParameterSource().addValue("c", code).addValue("v", version)
			.addValue("t", parsed.title()).addValue("x", text.replace("\r\n", "\n").strip()).addValue("by", op.operatorName())
			.addValue("now", Timestamp.from(clock.instant())), Long.class);
		record.append(op, SUBJECT, id, op.bodyId(), "review.rubric_drafted", "起草评查标准“" + parsed.title() + "”第" + version + "版（满分" + parsed.full() + "，否决项"
				+ parsed.vetoes().size() + "项）", Map.of("code", code, "version", version));
		return rubric(id);
	}

	/** Publishes a draft: from now on the version never changes (a database trigger refuses any change). */
	@Transactional
	public RubricVersion publishRubric(Operator op, long id) {
		ReviewAccess.requireSupervisor(op, directory);
		RubricVersion r = rubric(id);
		if (r.published()) {
			throw new Conflict("该版本已于 " + zhifa.shared.web.Formats.at(r.publishedAt()) + " 发布");
		}
		jdbc.update("update sv_rubric set status = 'PUBLISHED', published_at = :now where id = :id and status = 'DRAFT'",
				Map.of("id", id, "now", Timestamp.from(clock.instant())));
		record.append(op, SUBJECT, id, op.bodyId(), "review.rubric_published", "发布评查标准“" + r.title() + "”第" + r.version() + "版",
				Map.of("code", r.code(), "version", r.version(), "sm3", Sm3.hex(r.content())));
		return rubric(id);
	}

	RubricVersion rubricRow(ResultSet rs, int i) throws SQLException {
		String content = rs.getString("content");
		// a stored version keeps working if a rule it names is later withdrawn: unknown pre-checks are dropped, not refused
		Rubric parsed = RubricText.parseStored(rs.getString("title"), content, AlertRules.all().stream().map(r -> r.code()).collect(Collectors.toSet()));
		Timestamp at = rs.getTimestamp("published_at");
		return new RubricVersion(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("title"), rs.getBoolean("example"),
				"PUBLISHED".equals(rs.getString("status")), content, parsed, at == null ? null : at.toInstant());
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final OrganizationDirectory directory;
	private final FullProcessRecord record;
	private final Clock clock;

	Rubrics(NamedParameterJdbcTemplate jdbc, OrganizationDirectory directory, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.record = record;
		this.clock = clock;
	}
}

package zhifa.supervision.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Conflict;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.Sm3;
import zhifa.shared.UploadedFile;

/**
 * The files of the 案卷评查 programmes ({@link CaseFileReviews}): who may see a drawn file (the lead unit's supervisors,
 * its assigned reviewers, and its own body once final), the scope in which reviewers read the audited case, the upload of
 * a file reported by another system, and the lists of files waiting for someone.
 */
@Service
public class ReviewFiles {

	private final NamedParameterJdbcTemplate jdbc;
	private final CaseFileReviews reviews;
	private final OrganizationDirectory directory;
	private final FullProcessRecord record;
	private static final JsonMapper json = JsonMapper.builder().build();
	private final Clock clock;

	ReviewFiles(NamedParameterJdbcTemplate jdbc, CaseFileReviews reviews, OrganizationDirectory directory, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.reviews = reviews;
		this.directory = directory;
		this.record = record;
		this.clock = clock;
	}


	public CaseFileReviews.ReviewFile file(long fileId) {
		return jdbc.query(FILE + " where f.id = :id", Map.of("id", fileId), this::fileRow).stream().findFirst().orElseThrow(() -> new NotFound("评查案卷"));
	}

	public List<CaseFileReviews.ReviewFile> files(long programmeId) {
		return jdbc.query(FILE + " where f.programme_id = :p order by b.name, f.rank", Map.of("p", programmeId), this::fileRow);
	}

	/** A file as the lead unit, one of its reviewers or (once final) its own body may see it. */
	public CaseFileReviews.ReviewFile visibleFile(Operator op, long fileId) {
		CaseFileReviews.ReviewFile f = file(fileId);
		if (mayRead(op, f)) {
			return f;
		}
		throw new NotFound("评查案卷");
	}

	private boolean mayRead(Operator op, CaseFileReviews.ReviewFile f) {
		CaseFileReviews.Programme p = reviews.programme(f.programmeId()).orElseThrow();
		if (op.holdsAnyRole(List.of("SUPERVISOR")) && directory.covers(op.scope(), p.bodyId())) {
			return true;
		}
		if (f.scores().stream().anyMatch(s -> op.operatorId() != null && s.accountId() == op.operatorId())) {
			return true;
		}
		return op.bodyId() != null && op.bodyId() == f.bodyId();
	}

	/** The scope in which a reviewer (or the lead) reads the audited case's documents, evidence and record. */
	public DataScope readScope(Operator op, CaseFileReviews.ReviewFile f) {
		if (!mayRead(op, f)) {
			throw new NotFound("评查案卷");
		}
		return DataScope.body(f.bodyId());
	}

	/**
	 * Whether nobody can upload the body's file: it has no enabled account of a unit administrator or head (a body that
	 * works in its own system and never had one) — the organiser is told, not left waiting for an upload that cannot come.
	 */
	public boolean nobodyToUpload(long bodyId) {
		return !Boolean.TRUE.equals(jdbc.queryForObject("""
				select exists (select 1 from account_view u join account_role_view r on r.account_id = u.id
				  where u.body_id = :b and u.enabled and r.role in ('UNIT_ADMIN', 'LEADER'))""", Map.of("b", bodyId), Boolean.class));
	}

	/**
	 * The audited body uploads the file of an act reported by another system (PDF), once. A body with nobody on the platform
	 * to do it hands its file over on paper, and the organising unit's supervisor uploads the scan on its behalf (so said in
	 * the record).
	 */
	@Transactional
	public CaseFileReviews.ReviewFile upload(Operator op, long fileId, UploadedFile file) {
		CaseFileReviews.ReviewFile f = file(fileId);
		boolean own = op.bodyId() != null && op.bodyId() == f.bodyId() && op.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER"));
		boolean onBehalf = !own && op.bodyId() != null && op.bodyId() == leadOf(f) && op.holdsAnyRole(List.of("SUPERVISOR")) && nobodyToUpload(f.bodyId());
		if (!own && !onBehalf) {
			throw new AccessDeniedException("案卷由被评查单位的单位管理员或负责人上传（该单位在平台上没有账号的，由组织评查的单位代为上传）");
		}
		if (f.platform()) {
			throw new BusinessRuleViolation("本平台办理的案件，评查人员直接查阅平台上的案卷，不需上传");
		}
		if (file == null || !"application/pdf".equals(file.contentType())) {
			throw BusinessRuleViolation.onField("file", "请上传案卷的PDF扫描件");
		}
		if (file.bytes().length > 50 * 1024 * 1024) {
			throw BusinessRuleViolation.onField("file", "案卷文件不超过50MB");
		}
		if (jdbc.update("""
				update sv_review_file set file_name = :n, file_bytes = :b, file_sm3 = :h, uploaded_at = :now, version = version + 1
				where id = :id and file_name is null""", new MapSqlParameterSource().addValue("n", file.name()).addValue("b", file.bytes())
			.addValue("h", Sm3.hex(file.bytes())).addValue("now", Timestamp.from(clock.instant())).addValue("id", fileId)) != 1) {
			throw new Conflict("该案卷已上传");
		}
		boolean late = LocalDate.now(clock).isAfter(f.uploadDue());
		record.append(op, CaseFileReviews.PROGRAMME, f.programmeId(), leadOf(f), "review.file_uploaded", (onBehalf ? "代" + f.bodyName() + "上传评查案卷（该单位在平台上没有账号，案卷由其报送）："
				: "上传评查案卷：") + f.caseNumber() + (late ? "（超过 " + f.uploadDue() + " 的期限）" : ""),
				Map.of("act", f.actId(), "sm3", Sm3.hex(file.bytes()), "late", late));
		return file(fileId);
	}

	public UploadedFile uploaded(Operator op, long fileId) {
		CaseFileReviews.ReviewFile f = visibleFile(op, fileId);
		return jdbc.query("select file_name, file_bytes from sv_review_file where id = :id and file_bytes is not null", Map.of("id", f.id()),
				(rs, i) -> new UploadedFile(rs.getString(1), "application/pdf", rs.getBytes(2))).stream().findFirst().orElseThrow(() -> new NotFound("案卷文件"));
	}

	/** The files waiting for an account's assessment, and those he has submitted. */
	public List<CaseFileReviews.ReviewFile> assignedTo(long accountId, boolean open) {
		return jdbc.queryForList("select s.file_id from sv_review_score s join sv_review_file f on f.id = s.file_id where s.account_id = :a and "
				+ (open ? "s.status = 'ASSIGNED' and f.status = 'SCORING'" : "s.status = 'SUBMITTED'") + " order by s.file_id desc limit 200", Map.of("a", accountId),
				Long.class).stream().map(this::file).toList();
	}

	/** A body's own final results (what the audited body sees). */
	public List<CaseFileReviews.ReviewFile> resultsOfBody(long bodyId) {
		return jdbc.query(FILE + " where f.body_id = :b and f.status = 'FINAL' order by f.id desc limit 200", Map.of("b", bodyId), this::fileRow);
	}

	public long countResultsOfBody(long bodyId) {
		return jdbc.queryForObject("select count(*) from sv_review_file where body_id = :b and status = 'FINAL'", Map.of("b", bodyId), Long.class);
	}

	public List<CaseFileReviews.ReviewFile> awaitingUpload(long bodyId) {
		return jdbc.query(FILE + " where f.body_id = :b and not f.platform and f.file_name is null and p.status = 'DRAWN' order by f.upload_due",
				Map.of("b", bodyId), this::fileRow);
	}

	public List<CaseFileReviews.ReviewFile> awaitingResolution(DataScope scope, long leadBodyId) {
		return jdbc.query(FILE + " where p.body_id = :b and f.status = 'DIFFERENT' order by f.id", Map.of("b", leadBodyId), this::fileRow);
	}

	private static final String FILE = """
			select f.*, p.code as programme_code, b.name as body_name, a.case_number, a.matter_name, a.kind, a.external_id
			from sv_review_file f join sv_review_programme p on p.id = f.programme_id join body_view b on b.id = f.body_id join sv_act a on a.id = f.act_id""";

	private CaseFileReviews.ReviewFile fileRow(ResultSet rs, int i) throws SQLException {
		long id = rs.getLong("id");
		Timestamp up = rs.getTimestamp("uploaded_at");
		return new CaseFileReviews.ReviewFile(id, rs.getLong("programme_id"), rs.getString("programme_code"), rs.getLong("act_id"), rs.getLong("body_id"), rs.getString("body_name"),
				rs.getString("case_number") == null ? "台账第" + rs.getLong("act_id") + "号" : rs.getString("case_number"), rs.getString("matter_name"),
				rs.getString("kind"), rs.getInt("rank"), rs.getString("draw_key"), rs.getBoolean("platform"), rs.getString("external_id"),
				rs.getObject("upload_due", LocalDate.class), rs.getString("file_name"), up == null ? null : up.toInstant(), CaseFileReviews.FileStatus.valueOf(rs.getString("status")),
				(Integer) rs.getObject("total"), rs.getString("grade"), codes(rs.getString("vetoes")), rs.getString("resolution"), (Long) rs.getObject("document_id"),
				rs.getInt("version"), scores(id));
	}

	private List<CaseFileReviews.Score> scores(long fileId) {
		return jdbc.query("select s.*, b.name as body_name from sv_review_score s join body_view b on b.id = s.body_id where file_id = :f order by s.id",
				Map.of("f", fileId), (rs, i) -> {
					Map<String, Rubric.Mark> marks = new LinkedHashMap<>();
					String m = rs.getString("marks");
					if (m != null) {
						for (Rubric.Mark mark : json.readValue(m, Rubric.Mark[].class)) {
							marks.put(mark.code(), mark);
						}
					}
					Timestamp at = rs.getTimestamp("submitted_at");
					return new CaseFileReviews.Score(rs.getLong("id"), fileId, rs.getLong("account_id"), rs.getString("name"), rs.getLong("body_id"), rs.getString("body_name"),
							"SUBMITTED".equals(rs.getString("status")), marks, (Integer) rs.getObject("total"), rs.getString("grade"), codes(rs.getString("vetoes")),
							at == null ? null : at.toInstant(), rs.getInt("version"));
				});
	}

	/**
	 * The owner of a programme's record entries: its lead unit — never the audited body, which must not see who reviews its
	 * files or their marks before the result (it sees its results on its own pages).
	 */
	long leadOf(CaseFileReviews.ReviewFile f) {
		return reviews.programme(f.programmeId()).orElseThrow().bodyId();
	}

	private static List<String> codes(String csv) {
		return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
	}
}

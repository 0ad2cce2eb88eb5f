package zhifa.inspection.visits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.supervision.complaint.ComplaintCategory;
import zhifa.supervision.complaint.ComplaintChannel;
import zhifa.supervision.complaint.ComplaintForm;
import zhifa.supervision.complaint.Complaints;

/**
 * 扫码入企, without login: the visit behind a QR code as the enterprise sees it, its confirmation (once) and a problem it
 * reports (a complaint to the supervising body). Every scan is kept on the inspection case.
 */
@Service
public class Scans {

	private final NamedParameterJdbcTemplate jdbc;
	private final Visits visits;
	private final Complaints complaints;
	private final FullProcessRecord record;
	private final Clock clock;

	Scans(NamedParameterJdbcTemplate jdbc, Visits visits, Complaints complaints, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.visits = visits;
		this.complaints = complaints;
		this.record = record;
		this.clock = clock;
	}

	/** The visit of a QR code, as it stands (nothing recorded). */
	public Visits.Visit visit(String token) {
		return byToken(token);
	}

	/** The visit behind a QR code, as the enterprise sees it; the scan is kept. */
	@Transactional
	public Visits.Visit scanned(String token) {
		Visits.Visit v = byToken(token);
		// one view kept per visit and ten minutes: a page reloaded or fetched by a preview does not flood the record
		Instant now = clock.instant();
		boolean recent = Boolean.TRUE.equals(jdbc.queryForObject("""
				select exists (select 1 from insp_scan where visit_id = :v and action = 'VIEWED' and scanned_at > :since)""",
				Map.of("v", v.id(), "since", Timestamp.from(now.minusSeconds(600))), Boolean.class));
		if (!recent) {
			jdbc.update("insert into insp_scan (visit_id, scanned_at, action) values (:v, :now, 'VIEWED')", Map.of("v", v.id(), "now", Timestamp.from(now)));
			record.append(Operator.SYSTEM, "inspection_case", v.caseId(), v.bodyId(), "inspection.scanned", "企业扫码查看检查信息", Map.of());
		}
		return visits.load(v.id()).orElseThrow();
	}

	@Transactional
	public Visits.Visit confirm(String token) {
		Visits.Visit v = byToken(token);
		if (v.confirmedAt() != null) {
			throw new BusinessRuleViolation("已于 " + zhifa.shared.web.Formats.at(v.confirmedAt()) + " 确认过本次检查");
		}
		Instant now = clock.instant();
		if (jdbc.update("update insp_visit set confirmed_at = :now where id = :id and confirmed_at is null", Map.of("now", Timestamp.from(now), "id", v.id())) != 1) {
			throw new BusinessRuleViolation("已经确认过本次检查");
		}
		jdbc.update("insert into insp_scan (visit_id, scanned_at, action) values (:v, :now, 'CONFIRMED')", Map.of("v", v.id(), "now", Timestamp.from(now)));
		record.append(Operator.SYSTEM, "inspection_case", v.caseId(), v.bodyId(), "inspection.confirmed", "企业扫码确认接受检查", Map.of());
		return visits.load(v.id()).orElseThrow();
	}

	/** The enterprise reports a problem with the visit: a complaint to the supervising body, linked to the inspection case. */
	@Transactional
	public String problem(String token, String name, String phone, String content) {
		Visits.Visit v = byToken(token);
		if (content == null || content.isBlank()) {
			throw BusinessRuleViolation.onField("content", "请写明反映的问题");
		}
		Long supervisor = jdbc.query("""
				select s.id from body_view s, body_view b where b.id = :b and s.supervisory and b.region_path like s.region_path || '%'
				order by length(s.region_path) desc limit 1""", Map.of("b", v.bodyId()), (rs, i) -> rs.getLong(1)).stream().findFirst().orElse(null);
		var receipt = complaints.receive(Operator.SYSTEM, ComplaintChannel.PUBLIC, new ComplaintForm(null, ComplaintCategory.COMPLAINT, true, supervisor,
				v.bodyId(), null, null, name, phone, null, shorten("扫码入企反映：" + v.bodyName() + "检查“" + v.objectName() + "”", 100),
				content == null ? null : content.strip() + "\n（来自扫码入企，行政检查第" + v.caseId() + "号" + (v.taskCode() == null ? "" : "，抽查任务 " + v.taskCode())
						+ "）"), false);
		String no = receipt.complaint().receiptNo();
		jdbc.update("insert into insp_scan (visit_id, scanned_at, action, note) values (:v, :now, 'PROBLEM', :n)",
				Map.of("v", v.id(), "now", Timestamp.from(clock.instant()), "n", "投诉受理编号 " + no));
		record.append(Operator.SYSTEM, "inspection_case", v.caseId(), v.bodyId(), "inspection.problem_reported", "企业扫码反映问题，已转执法监督机构（受理编号 "
				+ no + "）", Map.of("receiptNo", no));
		return no;
	}

	private static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private Visits.Visit byToken(String token) {
		if (token == null || !token.matches("[0-9a-f]{32}")) {
			throw new NotFound("检查");
		}
		return jdbc.queryForList("select id from insp_visit where scan_token = :t", Map.of("t", token), Long.class).stream().findFirst()
			.flatMap(visits::load).orElseThrow(() -> new NotFound("检查"));
	}

}

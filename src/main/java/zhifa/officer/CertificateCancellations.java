package zhifa.officer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;

/**
 * The 注销 applications a withdrawn certificate leaves for the provincial certificate system (离岗收回并生成注销申请): the
 * list, those still to push, and their being taken.
 */
@Service
public class CertificateCancellations {

	private final NamedParameterJdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final FullProcessRecord record;
	private final Certificates certificates;

	CertificateCancellations(NamedParameterJdbcTemplate jdbc, BodyScopes scopes, FullProcessRecord record, Certificates certificates) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.record = record;
		this.certificates = certificates;
	}

	/** A 注销 application waiting to be (or already) sent to the provincial certificate system. */
	public record CancellationRequest(long id, String number, String officerName, String bodyName, String reason, String status, String targetSystem) {

		public String statusLabel() {
			return switch (status) {
				case "PENDING" -> "待推送";
				case "SENT" -> "已推送";
				default -> "推送失败";
			};
		}
	}

	public List<CancellationRequest> cancellationRequests(DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		return jdbc.query("""
				select r.id, c.number, o.name as officer_name, b.name as body_name, r.reason, r.status, r.target_system from certificate_cancellation_request r
				join certificate c on c.id = r.certificate_id join officer o on o.id = r.officer_id join body_view b on b.id = o.body_id
				where """ + " " + scopes.sqlCondition(scope, "o.body_id", p) + " order by r.created_at desc", p,
				(rs, i) -> new CancellationRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
						rs.getString(7)));
	}

	/** The 注销 applications of one certificate still waiting to be sent (for the outbound push). */
	public List<CancellationRequest> pendingCancellations(long certificateId) {
		return jdbc.query("""
				select r.id, c.number, o.name as officer_name, b.name as body_name, r.reason, r.status, r.target_system from certificate_cancellation_request r
				join certificate c on c.id = r.certificate_id join officer o on o.id = r.officer_id join body_view b on b.id = o.body_id
				where r.certificate_id = :c and r.status = 'PENDING' order by r.created_at""", Map.of("c", certificateId),
				(rs, i) -> new CancellationRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
						rs.getString(7)));
	}

	/** The receiving system took these 注销 applications (待推送 → 已推送), in the caller's transaction and on the certificate's record. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void cancellationsSent(long certificateId, List<Long> requestIds, String receiver) {
		if (requestIds.isEmpty()) {
			return;
		}
		int n = jdbc.update("update certificate_cancellation_request set status = 'SENT' where certificate_id = :c and id in (:ids) and status = 'PENDING'",
				new MapSqlParameterSource().addValue("c", certificateId).addValue("ids", requestIds));
		if (n > 0) {
			Certificate c = certificates.get(DataScope.all(), certificateId);
			record.append(zhifa.shared.Operator.SYSTEM, "certificate", certificateId, c.bodyId(), "certificate.cancellation_sent",
					"证件 " + c.number() + " 的注销申请已推送至" + receiver, Map.of("requests", n));
		}
	}
}

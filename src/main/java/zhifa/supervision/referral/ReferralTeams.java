package zhifa.supervision.referral;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may be on a 行刑衔接 team (《行政执法机关移送涉嫌犯罪案件的规定》第五条: 执法人员): the body's officers on duty, never
 * 辅助人员, each holding a certificate valid that day — as the form offers them and as the report checks them.
 */
@Component
public class ReferralTeams {

	/** An officer of the body on duty, whether he may serve on the day, and why not. */
	public record Member(long id, String name, boolean eligible, String note) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final zhifa.officer.Certificates certificates;

	ReferralTeams(NamedParameterJdbcTemplate jdbc, zhifa.officer.Certificates certificates) {
		this.jdbc = jdbc;
		this.certificates = certificates;
	}

	/** Every officer of the body on duty, by name, marked. */
	public List<Member> choices(long bodyId, LocalDate day) {
		return members("body_id = :b", new MapSqlParameterSource("b", bodyId), day);
	}

	/** Those of the given officers who are the body's on duty (the others are not found), marked. */
	List<Member> of(long bodyId, Collection<Long> ids, LocalDate day) {
		return ids.isEmpty() ? List.of() : members("id in (:ids) and body_id = :b", new MapSqlParameterSource("b", bodyId).addValue("ids", ids), day);
	}

	private List<Member> members(String where, MapSqlParameterSource p, LocalDate day) {
		return jdbc.query("select id, name from officer_view where " + where + " and status = 'ON_DUTY' and staffing_type <> 'AUXILIARY' order by name", p,
				(rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).stream().map(o -> {
					boolean ok = certified((Long) o[0], day);
					return new Member((Long) o[0], (String) o[1], ok, ok ? "" : "今日没有有效的执法证件");
				}).toList();
	}

	/** Whether the officer holds a certificate valid on the day (status 有效 by its history, within its validity dates). */
	private boolean certified(long officerId, LocalDate day) {
		return certificates.ofOfficer(officerId).stream().anyMatch(c -> !day.isBefore(c.validFrom()) && (c.validTo() == null || !day.isAfter(c.validTo()))
				&& certificates.statusOn(c.id(), day).filter(st -> st == zhifa.officer.CertificateStatus.VALID).isPresent());
	}
}

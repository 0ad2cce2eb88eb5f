package zhifa.officer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.officer.AuthorityPolicy.CertificateFacts;
import zhifa.officer.AuthorityPolicy.Change;
import zhifa.officer.AuthorityPolicy.OfficerFacts;
import zhifa.shared.NotFound;

/**
 * The platform's one authority check: may this officer carry out enforcement in this domain on this date? Every
 * enforcement act (filing, investigation, on-the-spot penalty, inspection) asks here; the rules are {@link AuthorityPolicy}.
 */
@Service
public class OfficerAuthority {

	private final NamedParameterJdbcTemplate jdbc;

	OfficerAuthority(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public AuthorityDecision check(long officerId, String domainCode, LocalDate date) {
		var rows = jdbc.queryForList("""
				select o.id, o.name, o.staffing_type, o.police, o.police_number,
				  exists (select 1 from body_view b where b.id = o.body_id and b.region_level = 'TOWNSHIP') as of_township
				from officer o where o.id = :id""", Map.of("id", officerId));
		if (rows.isEmpty()) {
			throw new NotFound("执法人员");
		}
		var row = rows.get(0);
		List<Change<OfficerStatus>> statusHistory = jdbc.query(
				"select effective_date, to_status from officer_status_change where officer_id = :id order by effective_date, id",
				Map.of("id", officerId),
				(rs, i) -> new Change<>(rs.getDate(1).toLocalDate(), OfficerStatus.valueOf(rs.getString(2))));
		OfficerFacts officer = new OfficerFacts(officerId, (String) row.get("name"), StaffingType.valueOf((String) row.get("staffing_type")),
				(Boolean) row.get("police"), statusHistory, (String) row.get("police_number"), (Boolean) row.get("of_township"));
		Map<Long, List<Change<CertificateStatus>>> histories = new HashMap<>();
		jdbc.query("""
				select e.certificate_id, e.effective_date, e.to_status from certificate_event e join certificate c on c.id = e.certificate_id
				where c.officer_id = :id order by e.effective_date, e.id""", Map.of("id", officerId), rs -> {
			histories.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Change<>(rs.getDate(2).toLocalDate(), CertificateStatus.valueOf(rs.getString(3))));
		});
		List<CertificateFacts> certificates = jdbc.query("""
				select c.id, c.number, c.valid_from, c.valid_to,
				  (select string_agg(d.domain_code, ',') from certificate_domain d where d.certificate_id = c.id) as domains
				from certificate c where c.officer_id = :id and c.number is not null""", Map.of("id", officerId),
				(rs, i) -> new CertificateFacts(rs.getString("number"), rs.getDate("valid_from").toLocalDate(),
						rs.getDate("valid_to").toLocalDate(),
						rs.getString("domains") == null ? Set.of() : Set.of(rs.getString("domains").split(",")),
						histories.getOrDefault(rs.getLong("id"), List.of())));
		return AuthorityPolicy.evaluate(officer, certificates, domainCode, date);
	}
}

package zhifa.penalty;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.catalog.EnforcementActivity;
import zhifa.discretion.OffenceHistory;

/**
 * What penalty cases tell the other modules: filed cases per matter (the catalogue's clean-up and the township
 * evaluation) and a party's earlier penalty decisions across every body (the 初次违法 check).
 */
@Component
class CaseActivity implements EnforcementActivity, OffenceHistory {

	private final NamedParameterJdbcTemplate jdbc;

	CaseActivity(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String source() {
		return "行政处罚案件（立案数及当场处罚数）";
	}

	@Override
	public Map<Long, Long> counts(Collection<Long> matterIds, Long actingBodyId, LocalDate from, LocalDate to) {
		Map<Long, Long> counts = new HashMap<>();
		if (matterIds.isEmpty()) {
			return counts;
		}
		jdbc.query("""
				select matter_id, count(*) from penalty_case where matter_id in (:m) and coalesce(filed_on, case when procedure = 'SIMPLE' then decided_on end) between :f and :t
				  and (cast(:b as bigint) is null or body_id = :b) group by matter_id""",
				new MapSqlParameterSource().addValue("m", matterIds).addValue("f", from).addValue("t", to).addValue("b", actingBodyId),
				rs -> {
					counts.put(rs.getLong(1), rs.getLong(2));
				});
		return counts;
	}

	/**
	 * Penalty decisions against the party ({@code U:}USCC or {@code P:}fingerprint, or a bare USCC) for a violation of
	 * the same benchmark code, before the day.
	 */
	@Override
	public List<PriorOffence> prior(String partyKey, String violationCode, LocalDate before) {
		String key = partyKey.contains(":") ? partyKey : "U:" + partyKey.toUpperCase();
		return jdbc.query("""
				select b.name, c.decision_number, c.decided_on from penalty_case c join org_body b on b.id = c.body_id
				join enforcement_matter m on m.id = c.matter_id
				where c.party_key = :k and c.decision_outcome = 'PENALTY' and c.decided_on < :d and (',' || m.violation_codes || ',') like :v
				order by c.decided_on""",
				new MapSqlParameterSource().addValue("k", key).addValue("d", before).addValue("v", "%," + violationCode + ",%"),
				(rs, i) -> new PriorOffence(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()));
	}
}

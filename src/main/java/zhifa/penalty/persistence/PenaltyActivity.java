package zhifa.penalty.persistence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.catalog.EnforcementActivity;
import zhifa.discretion.OffenceHistory;

/**
 * What penalty cases tell the other modules: filed cases per matter (the catalogue's clean-up and the township
 * evaluation) and a party's earlier penalty decisions across every body (the 初次违法 check).
 */
@Repository
public class PenaltyActivity implements EnforcementActivity, OffenceHistory {

	private final NamedParameterJdbcTemplate jdbc;

	PenaltyActivity(NamedParameterJdbcTemplate jdbc) {
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
				select c.matter_id, count(*) from case_view c join penalty_case p on p.case_id = c.id
				where c.matter_id in (:m) and coalesce(c.filed_on, case when p.procedure = 'SIMPLE' then p.decided_on end) between :f and :t
				  and (cast(:b as bigint) is null or c.body_id = :b) group by c.matter_id""",
				new MapSqlParameterSource().addValue("m", matterIds).addValue("f", from).addValue("t", to).addValue("b", actingBodyId), rs -> {
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
				select b.name, p.decision_number, p.decided_on from case_view c join penalty_case p on p.case_id = c.id join body_view b on b.id = c.body_id
				where c.party_key = :k and p.decision_outcome = 'PENALTY' and p.decided_on < :d
				  and exists (select 1 from matter_violation_view v where v.matter_id = c.matter_id and v.violation_code = :v)
				order by p.decided_on""",
				new MapSqlParameterSource().addValue("k", key).addValue("d", before).addValue("v", violationCode),
				(rs, i) -> new PriorOffence(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()));
	}
}

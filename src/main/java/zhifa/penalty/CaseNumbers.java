package zhifa.penalty;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless numbers per body, kind and year (案件编号, later 文书文号): taken inside the caller's transaction with the
 * sequence row locked, so a rolled-back filing gives its number back and two filings never share one.
 */
@Component
class CaseNumbers {

	static final String FILING = "立案";
	static final String DECISION = "决定";

	private final NamedParameterJdbcTemplate jdbc;

	CaseNumbers(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record Number(int year, int sequence, String text) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Number next(long bodyId, String kind, int year) {
		jdbc.update("""
				insert into penalty_number_sequence (body_id, kind, year, last_value) values (:b, :k, :y, 0)
				on conflict (body_id, kind, year) do nothing""", Map.of("b", bodyId, "k", kind, "y", year));
		int value = jdbc.queryForObject("""
				update penalty_number_sequence set last_value = last_value + 1 where body_id = :b and kind = :k and year = :y returning last_value""",
				Map.of("b", bodyId, "k", kind, "y", year), Integer.class);
		return new Number(year, value, format(pattern(bodyId, kind), year, value));
	}

	String pattern(long bodyId, String kind) {
		return jdbc.queryForList("select pattern from penalty_number_format where body_id = :b and kind = :k", Map.of("b", bodyId, "k", kind), String.class)
			.stream().findFirst().orElseGet(() -> jdbc.queryForObject("select name from org_body where id = :b", Map.of("b", bodyId), String.class)
					+ "罚" + kind + "〔{年}〕{号}号");
	}

	static String format(String pattern, int year, int value) {
		return pattern.replace("{年}", String.valueOf(year)).replace("{号}", String.valueOf(value));
	}

	@Transactional
	void setPattern(long bodyId, String kind, String pattern) {
		jdbc.update("""
				insert into penalty_number_format (body_id, kind, pattern) values (:b, :k, :p)
				on conflict (body_id, kind) do update set pattern = excluded.pattern""", Map.of("b", bodyId, "k", kind, "p", pattern));
	}
}

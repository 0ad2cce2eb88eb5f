package zhifa.casework.persistence;

import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The number sequences ({@code case_number_sequence}, row-locked by the increment) and formats ({@code case_number_format}). */
@Repository
public class NumberRows {

	private final NamedParameterJdbcTemplate jdbc;

	NumberRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The next value of the sequence; the row stays locked until the caller's transaction ends. */
	public int next(long bodyId, String kind, int year) {
		jdbc.update("""
				insert into case_number_sequence (body_id, kind, year, last_value) values (:b, :k, :y, 0)
				on conflict (body_id, kind, year) do nothing""", Map.of("b", bodyId, "k", kind, "y", year));
		return jdbc.queryForObject("""
				update case_number_sequence set last_value = last_value + 1 where body_id = :b and kind = :k and year = :y returning last_value""",
				Map.of("b", bodyId, "k", kind, "y", year), Integer.class);
	}

	public Optional<String> pattern(long bodyId, String kind) {
		return jdbc.queryForList("select pattern from case_number_format where body_id = :b and kind = :k", Map.of("b", bodyId, "k", kind), String.class)
			.stream().findFirst();
	}

	public void setPattern(long bodyId, String kind, String pattern) {
		jdbc.update("""
				insert into case_number_format (body_id, kind, pattern) values (:b, :k, :p)
				on conflict (body_id, kind) do update set pattern = excluded.pattern""", Map.of("b", bodyId, "k", kind, "p", pattern));
	}
}

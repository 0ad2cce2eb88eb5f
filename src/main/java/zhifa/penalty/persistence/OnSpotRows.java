package zhifa.penalty.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.penalty.simple.FormRange;

/** Pre-printed decision form ranges ({@code onspot_form_range}) and each number's use ({@code onspot_form_number}). */
@Repository
public class OnSpotRows {

	private final NamedParameterJdbcTemplate jdbc;

	OnSpotRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<FormRange> ranges(long bodyId) {
		return jdbc.query("""
				select r.*, o.name as officer_name,
				  (select count(*) from onspot_form_number n where n.range_id = r.id and n.status = 'USED') as used,
				  (select count(*) from onspot_form_number n where n.range_id = r.id and n.status = 'VOIDED') as voided
				from onspot_form_range r left join officer_view o on o.id = r.officer_id where r.body_id = :b order by r.prefix, r.first_no""",
				Map.of("b", bodyId), (rs, i) -> new FormRange(rs.getLong("id"), rs.getLong("body_id"), (Long) rs.getObject("officer_id"),
						rs.getString("officer_name"), rs.getString("prefix"), rs.getInt("first_no"), rs.getInt("last_no"), rs.getInt("used"), rs.getInt("voided")));
	}

	public Optional<Long> bodyOfRange(long rangeId) {
		return jdbc.queryForList("select body_id from onspot_form_range where id = :r", Map.of("r", rangeId), Long.class).stream().findFirst();
	}

	public boolean overlaps(long bodyId, String prefix, int first, int last) {
		return jdbc.queryForObject("select count(*) from onspot_form_range where body_id = :b and prefix = :p and first_no <= :l and last_no >= :f",
				Map.of("b", bodyId, "p", prefix, "f", first, "l", last), Integer.class) > 0;
	}

	public long allocate(long bodyId, Long officerId, String prefix, int first, int last, String by, Instant at) {
		return jdbc.queryForObject("""
				insert into onspot_form_range (body_id, officer_id, prefix, first_no, last_no, allocated_by, allocated_at)
				values (:b, :o, :p, :f, :l, :by, :now) returning id""",
				new MapSqlParameterSource().addValue("b", bodyId).addValue("o", officerId).addValue("p", prefix).addValue("f", first).addValue("l", last)
					.addValue("by", by).addValue("now", Timestamp.from(at)),
				Long.class);
	}

	public Optional<Integer> nextFree(long rangeId) {
		return jdbc.queryForList("""
				select n from onspot_form_range r, generate_series(r.first_no, r.last_no) n
				where r.id = :r and not exists (select 1 from onspot_form_number x where x.range_id = r.id and x.number = n) order by n limit 1""",
				Map.of("r", rangeId), Integer.class).stream().findFirst();
	}

	/** Marks a number used by a case or voided with a reason; false when it was used or voided already. */
	public boolean take(long rangeId, int number, String status, Long caseId, String reason, Instant at) {
		try {
			jdbc.update("insert into onspot_form_number (range_id, number, status, case_id, reason, at) values (:r, :n, :s, :c, :why, :at)",
					new MapSqlParameterSource().addValue("r", rangeId).addValue("n", number).addValue("s", status).addValue("c", caseId)
						.addValue("why", reason).addValue("at", Timestamp.from(at)));
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}
}

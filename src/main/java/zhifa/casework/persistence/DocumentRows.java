package zhifa.casework.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Generated documents ({@code case_document}), one row per version. */
@Repository
public class DocumentRows {

	/** A stored version, before its template's label is added. */
	public record Row(long id, String type, int version, String number, String sm3, int size, int pages, String generatedBy, Instant at) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	DocumentRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Row> of(long caseId) {
		return jdbc.query("select * from case_document where case_id = :c order by type, version", Map.of("c", caseId),
				(rs, i) -> new Row(rs.getLong("id"), rs.getString("type"), rs.getInt("version"), rs.getString("number"), rs.getString("sm3"),
						rs.getInt("size_bytes"), rs.getInt("pages"), rs.getString("generated_by"), rs.getTimestamp("generated_at").toInstant()));
	}

	public long insert(long caseId, String type, int version, String number, String sm3, int size, int pages, String by, Instant at) {
		return jdbc.queryForObject("""
				insert into case_document (case_id, type, version, number, sm3, size_bytes, pages, generated_by, generated_at)
				values (:c, :t, :v, :n, :h, :s, :p, :by, :now) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("t", type).addValue("v", version).addValue("n", number).addValue("h", sm3)
					.addValue("s", size).addValue("p", pages).addValue("by", by).addValue("now", Timestamp.from(at)),
				Long.class);
	}
}

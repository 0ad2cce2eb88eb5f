package zhifa.casework.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Generated documents ({@code case_document}), one row per version, with the verification code printed on each. */
@Repository
public class DocumentRows {

	/** A stored version, before its template's label is added; {@code code}, {@code issuer} and {@code issuedOn} are null before V46. */
	public record Row(long id, long caseId, String type, int version, String number, String sm3, int size, int pages, String generatedBy, Instant at,
			String code, String issuer, LocalDate issuedOn) {
	}

	/** What one version is stamped with: its verification code, the issuer and the date it bears. */
	public record Stamp(String code, String issuer, LocalDate issuedOn) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	DocumentRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Row> of(long caseId) {
		// each document (its versions together) in the order it was first made: SEIZURE-998 before SEIZURE-1002
		return jdbc.query("select d.*, min(d.id) over (partition by d.type) as first_id from case_document d where d.case_id = :c order by first_id, d.version",
				Map.of("c", caseId), DocumentRows::row);
	}

	public Optional<Row> byCode(String code) {
		return jdbc.query("select * from case_document where verification_code = :c", Map.of("c", code), DocumentRows::row).stream().findFirst();
	}

	/** The newest version of the same document (case and type) as {@code row}. */
	public int latestVersion(Row row) {
		return jdbc.queryForObject("select max(version) from case_document where case_id = :c and type = :t", Map.of("c", row.caseId(), "t", row.type()),
				Integer.class);
	}

	public boolean codeTaken(String code) {
		return jdbc.queryForObject("select exists (select 1 from case_document where verification_code = :c)", Map.of("c", code), Boolean.class);
	}

	public long insert(long caseId, String type, int version, String number, String sm3, int size, int pages, String by, Instant at, Stamp stamp) {
		return jdbc.queryForObject("""
				insert into case_document (case_id, type, version, number, sm3, size_bytes, pages, generated_by, generated_at, verification_code, issuer,
				  issued_on)
				values (:c, :t, :v, :n, :h, :s, :p, :by, :now, :code, :issuer, :issued) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("t", type).addValue("v", version).addValue("n", number).addValue("h", sm3)
					.addValue("s", size).addValue("p", pages).addValue("by", by).addValue("now", Timestamp.from(at)).addValue("code", stamp.code())
					.addValue("issuer", stamp.issuer()).addValue("issued", stamp.issuedOn() == null ? null : Date.valueOf(stamp.issuedOn())),
				Long.class);
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		Date issued = rs.getDate("issued_on");
		return new Row(rs.getLong("id"), rs.getLong("case_id"), rs.getString("type"), rs.getInt("version"), rs.getString("number"), rs.getString("sm3"),
				rs.getInt("size_bytes"), rs.getInt("pages"), rs.getString("generated_by"), rs.getTimestamp("generated_at").toInstant(),
				rs.getString("verification_code"), rs.getString("issuer"), issued == null ? null : issued.toLocalDate());
	}
}

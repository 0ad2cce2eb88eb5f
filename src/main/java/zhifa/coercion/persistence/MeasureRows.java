package zhifa.coercion.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.coercion.Measure;

/** 查封、扣押 ({@code coercion_measure}); ids come from the kernel's attachment sequence, so they never clash with 先行登记保存. */
@Repository
public class MeasureRows {

	private final NamedParameterJdbcTemplate jdbc;

	MeasureRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Measure> of(long caseId) {
		return jdbc.query("select * from coercion_measure where case_id = :c order by id", Map.of("c", caseId), (rs, i) -> measure(rs));
	}

	public Map<Long, List<Measure>> of(java.util.Collection<Long> caseIds) {
		Map<Long, List<Measure>> all = new java.util.HashMap<>();
		if (!caseIds.isEmpty()) {
			// one index lookup per case, whatever the statistics say (an in list before the first analyze scans the table)
			jdbc.query("select m.* from unnest(cast(:ids as bigint[])) as k(id) cross join lateral (select * from coercion_measure where case_id = k.id offset 0) m "
					+ "order by m.case_id, m.id", Map.of("ids", caseIds.stream().distinct().toArray(Long[]::new)), (java.sql.ResultSet rs) -> {
				all.computeIfAbsent(rs.getLong("case_id"), k -> new java.util.ArrayList<>()).add(measure(rs));
			});
		}
		return all;
	}

	private static Measure measure(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Measure(rs.getLong("id"), Measure.Kind.valueOf(rs.getString("kind")), rs.getString("items"), rs.getString("approved_by"),
				rs.getDate("applied_on").toLocalDate(), rs.getBoolean("av_recorded"), rs.getBoolean("extended"),
				rs.getDate("closed_on") == null ? null : rs.getDate("closed_on").toLocalDate(), rs.getString("outcome"), rs.getString("reason"),
				rs.getString("basis"), rs.getString("place"), rs.getString("extension_reason"),
				rs.getDate("extended_on") == null ? null : rs.getDate("extended_on").toLocalDate(),
				rs.getString("release_ground") == null ? null : Measure.ReleaseGround.valueOf(rs.getString("release_ground")),
				rs.getArray("officers") == null ? List.of() : List.of((String[]) rs.getArray("officers").getArray()), rs.getBoolean("refused_on_paper"));
	}

	/** A measure taken by the officers {@code officers} (ids and names, in the same order). */
	public long insert(long caseId, Measure.Kind kind, Measure.Taken m, Map<Long, String> officers, String approvedBy, boolean av, String by, Instant at) {
		return jdbc.queryForObject("""
				insert into coercion_measure (case_id, kind, items, reason, basis, place, approved_by, applied_on, av_recorded, created_by, created_at,
				  officer_ids, officers)
				values (:c, :k, :i, :r, :b, :p, :a, :d, :av, :by, :now, cast(:oi as bigint[]), cast(:on as text[])) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("k", kind.name()).addValue("i", m.items()).addValue("r", m.reason())
					.addValue("b", m.basis()).addValue("p", m.place()).addValue("a", approvedBy)
					.addValue("d", m.appliedOn()).addValue("av", av).addValue("by", by).addValue("now", Timestamp.from(at))
					.addValue("oi", officers.keySet().toArray(Long[]::new)).addValue("on", officers.values().toArray(String[]::new)),
				Long.class);
	}

	public void extended(long id, String reason, LocalDate on) {
		jdbc.update("update coercion_measure set extended = true, extension_reason = :r, extended_on = :d where id = :id",
				Map.of("id", id, "r", reason, "d", on));
	}

	public void closed(long id, LocalDate on, String outcome, Measure.ReleaseGround ground) {
		jdbc.update("update coercion_measure set closed_on = :d, outcome = :o, release_ground = :g where id = :id",
				new MapSqlParameterSource("d", on).addValue("o", outcome).addValue("id", id).addValue("g", ground == null ? null : ground.name()));
	}
}

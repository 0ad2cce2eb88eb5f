package zhifa.supervision.exchange.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.supervision.exchange.CodeClass;
import zhifa.supervision.exchange.CodeMapping;
import zhifa.supervision.exchange.SourceSystem;

/** The tables {@code sv_source_system}, {@code sv_source_body} and {@code sv_code_mapping}; bodies read from {@code body_view}. */
@Repository
public class SourceRows {

	private final NamedParameterJdbcTemplate jdbc;

	SourceRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<SourceSystem> all() {
		return load("true", Map.of());
	}

	public Optional<SourceSystem> byCode(String code) {
		return load("s.code = :c", Map.of("c", code)).stream().findFirst();
	}

	private List<SourceSystem> load(String where, Map<String, ?> params) {
		record Head(long id, String code, String name, boolean active, boolean demo) {
		}
		List<Head> heads = jdbc.query("select * from sv_source_system s where " + where + " order by s.code", params,
				(rs, i) -> new Head(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getBoolean("active"), rs.getBoolean("demo")));
		if (heads.isEmpty()) {
			return List.of();
		}
		Map<Long, List<SourceSystem.Body>> bodies = new HashMap<>();
		jdbc.query("""
				select sb.source_id, b.id, b.name from sv_source_body sb join body_view b on b.id = sb.body_id
				where sb.source_id in (:ids) order by b.name""", Map.of("ids", heads.stream().map(Head::id).toList()),
				rs -> {
					bodies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new SourceSystem.Body(rs.getLong(2), rs.getString(3)));
				});
		return heads.stream()
			.map(h -> new SourceSystem(h.id(), h.code(), h.name(), h.active(), bodies.getOrDefault(h.id(), List.of()), h.demo()))
			.toList();
	}

	/** Inserts or updates the system by code and replaces its bodies; returns its id. */
	public long save(String code, String name, boolean active, Collection<Long> bodyIds, boolean demo, Instant at) {
		long id = jdbc.queryForObject("""
				insert into sv_source_system (code, name, active, demo, created_at, updated_at) values (:c, :n, :a, :d, :at, :at)
				on conflict (code) do update set name = excluded.name, active = excluded.active, updated_at = excluded.updated_at
				returning id""",
				new MapSqlParameterSource().addValue("c", code).addValue("n", name).addValue("a", active).addValue("d", demo)
					.addValue("at", Timestamp.from(at)), Long.class);
		jdbc.update("delete from sv_source_body where source_id = :s", Map.of("s", id));
		jdbc.batchUpdate("insert into sv_source_body (source_id, body_id) values (:s, :b)",
				bodyIds.stream().distinct().map(b -> new MapSqlParameterSource().addValue("s", id).addValue("b", b)).toArray(MapSqlParameterSource[]::new));
		return id;
	}

	/** Names of the bodies among the ids that exist (by id). */
	public Map<Long, String> bodyNames(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> out = new LinkedHashMap<>();
		jdbc.query("select id, name from body_view where id in (:ids)", Map.of("ids", ids), rs -> {
			out.put(rs.getLong(1), rs.getString(2));
		});
		return out;
	}

	/** The body with this 统一社会信用代码, if any: id and name. */
	public Optional<SourceSystem.Body> bodyByUscc(String uscc) {
		return jdbc.query("select id, name from body_view where uscc = :u", Map.of("u", uscc), (rs, i) -> new SourceSystem.Body(rs.getLong(1), rs.getString(2)))
			.stream().findFirst();
	}

	public List<CodeMapping> mappings(long sourceId) {
		return jdbc.query("""
				select m.*, s.code as source_code from sv_code_mapping m join sv_source_system s on s.id = m.source_id
				where m.source_id = :s order by m.code_class, m.external_code""", Map.of("s", sourceId),
				(rs, i) -> new CodeMapping(rs.getLong("id"), rs.getString("source_code"), CodeClass.valueOf(rs.getString("code_class")),
						rs.getString("external_code"), rs.getString("our_code")));
	}

	/** Inserts or replaces the mapping of one external code; returns the previous code it mapped to, if any. */
	public Optional<String> saveMapping(long sourceId, CodeClass codeClass, String externalCode, String ourCode, Instant at) {
		List<String> before = jdbc.queryForList("""
				select our_code from sv_code_mapping where source_id = :s and code_class = :k and external_code = :e for update""",
				Map.of("s", sourceId, "k", codeClass.name(), "e", externalCode), String.class);
		jdbc.update("""
				insert into sv_code_mapping (source_id, code_class, external_code, our_code, updated_at) values (:s, :k, :e, :o, :at)
				on conflict (source_id, code_class, external_code) do update set our_code = excluded.our_code, updated_at = excluded.updated_at""",
				new MapSqlParameterSource().addValue("s", sourceId).addValue("k", codeClass.name()).addValue("e", externalCode).addValue("o", ourCode)
					.addValue("at", Timestamp.from(at)));
		return before.stream().findFirst();
	}

	public Optional<String> removeMapping(long sourceId, CodeClass codeClass, String externalCode) {
		return jdbc.queryForList("""
				delete from sv_code_mapping where source_id = :s and code_class = :k and external_code = :e returning our_code""",
				Map.of("s", sourceId, "k", codeClass.name(), "e", externalCode), String.class).stream().findFirst();
	}
}

package zhifa.organization;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;

/** What other modules need to know about bodies: who is visible in a scope, and a body's region and role. */
@Service
public class OrganizationDirectory implements BodyScopes {

	/**
	 * The full-process record's subject type for a body: every module writes a body's entries under it. (Entries that
	 * the penalty module wrote before V27 under {@code org_body} are shown on the same timeline by the record module.)
	 */
	public static final String RECORD_SUBJECT = "body";


	/** The facts about a body that decide a user's scope. */
	public record BodyFacts(long id, String name, String regionPath, boolean supervisory, boolean active) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	OrganizationDirectory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<Long> visibleBodyIds(DataScope scope) {
		return new HashSet<>(jdbc.queryForList(
				"select b.id from org_body b join org_region r on r.id = b.region_id where "
						+ scope.sqlCondition("b.id", "r.path"),
				scope.bind(Map.of()), Long.class));
	}

	public Optional<BodyFacts> facts(long bodyId) {
		return jdbc.query("""
				select b.id, b.name, r.path, b.supervisory, b.status from org_body b join org_region r on r.id = b.region_id
				where b.id = :id""", Map.of("id", bodyId),
				(rs, i) -> new BodyFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
						"ACTIVE".equals(rs.getString(5))))
			.stream()
			.findFirst();
	}

	/** The scope of a user of this body: its region's subtree for a supervisor, else the body alone. */
	public DataScope scopeFor(long bodyId, boolean supervisor) {
		BodyFacts facts = facts(bodyId).orElseThrow();
		return supervisor && facts.supervisory() ? DataScope.regionSubtree(bodyId, facts.regionPath()) : DataScope.body(bodyId);
	}
}

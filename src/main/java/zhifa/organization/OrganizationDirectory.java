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

	@Override
	public Set<Long> directlySupervisedBodyIds(DataScope scope) {
		if (scope.kind() != DataScope.Kind.REGION_SUBTREE) {
			return visibleBodyIds(scope);
		}
		// each body's nearest supervisory body: the one whose region is the longest prefix of the body's region path
		return new HashSet<>(jdbc.queryForList("""
				select b.id from org_body b join org_region r on r.id = b.region_id
				where r.path like :scopeRegionPath
				  and :scopeBodyId = (select s.id from org_body s join org_region sr on sr.id = s.region_id
				                      where s.supervisory and s.status = 'ACTIVE' and r.path like sr.path || '%'
				                      order by length(sr.path) desc, s.id limit 1)""", scope.bind(Map.of()), Long.class));
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

	/**
	 * What the body's 执法文书 name (复议机关, 人民法院, where to pay, whom to contact); {@link DocumentDetails#NONE} for an
	 * unknown body. An entrusted organisation acts in its entrusting organ's name (行政处罚法第二十条), and its documents
	 * name what that organ entered.
	 */
	public DocumentDetails documentDetails(long bodyId) {
		return jdbc.query("""
				select coalesce(o.id, b.id) as id from org_body b
				left join lateral (select e.entrusting_body_id as id from org_entrustment e where e.body_id = b.id and b.kind = 'ENTRUSTED_ORGANIZATION'
				                   order by e.id desc limit 1) o on true
				where b.id = :id""", Map.of("id", bodyId), (rs, i) -> rs.getLong(1)).stream().findFirst()
			.flatMap(acting -> jdbc.query("""
					select review_organ, court, payment_bank, payment_account, payment_channel, contact_person, contact_phone, contact_address
					from org_body where id = :id""", Map.of("id", acting),
					(rs, i) -> new DocumentDetails(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
							rs.getString(7), rs.getString(8))).stream().findFirst())
			.orElse(DocumentDetails.NONE);
	}

	/**
	 * The organ in whose name the body's documents are issued and sealed: its own, or for an entrusted organisation the
	 * entrusting organ's (行政处罚法第二十条: 以委托行政机关名义实施); {@code fallback} for an unknown body.
	 */
	public String actingName(long bodyId, String fallback) {
		return jdbc.query("""
				select coalesce(o.name, b.name) from org_body b
				left join lateral (select x.name from org_entrustment e join org_body x on x.id = e.entrusting_body_id
				                   where e.body_id = b.id and b.kind = 'ENTRUSTED_ORGANIZATION' order by e.id desc limit 1) o on true
				where b.id = :id""", Map.of("id", bodyId), (rs, i) -> rs.getString(1)).stream().findFirst().orElse(fallback);
	}

	/** The scope of a user of this body: its region's subtree for a supervisor, else the body alone. */
	public DataScope scopeFor(long bodyId, boolean supervisor) {
		BodyFacts facts = facts(bodyId).orElseThrow();
		return supervisor && facts.supervisory() ? DataScope.regionSubtree(bodyId, facts.regionPath()) : DataScope.body(bodyId);
	}
}

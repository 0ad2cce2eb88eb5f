package zhifa.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 执法事项 (方案任务11): a body's matters, each resting on articles of the legal library (an item without a legal basis can
 * only be a draft proposed for cancellation — 凡没有法律法规规章依据的行政执法事项一律取消), with a status history.
 * A matter edited here changes the body's working catalogue only; what counts outside is the published version
 * ({@link Catalogues}). A draft takes effect only when a catalogue containing it is published.
 */
@Service
public class Matters {

	private final NamedParameterJdbcTemplate jdbc;
	private final LegalLibrary library;
	private final BodyScopes scopes;
	private final FullProcessRecord record;
	private final Clock clock;

	Matters(NamedParameterJdbcTemplate jdbc, LegalLibrary library, BodyScopes scopes, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.library = library;
		this.scopes = scopes;
		this.record = record;
		this.clock = clock;
	}

	/**
	 * Input for a matter: {@code violatedClauses} (违反条款) and {@code penaltyClauses} (处罚条款) classify citations;
	 * {@code basis} holds further ones (a citation listed there and in one of the two takes that one's role).
	 */
	public record MatterForm(Long bodyId, String code, String name, MatterType type, String domainCode, Boolean township, List<String> basis,
			List<String> violationCodes, List<String> violatedClauses, List<String> penaltyClauses) {

		/** A form without classified clauses. */
		public MatterForm(Long bodyId, String code, String name, MatterType type, String domainCode, Boolean township, List<String> basis,
				List<String> violationCodes) {
			this(bodyId, code, name, type, domainCode, township, basis, violationCodes, List.of(), List.of());
		}
	}

	/** The role of a citation of a matter (column {@code role} of {@code enforcement_matter_basis}). */
	enum ClauseRole {
		BASIS, VIOLATED, PENALTY
	}

	/** A resolved citation: its provision and role. */
	private record Citation(long provisionId, ClauseRole role) {
	}

	/** One change of status. */
	public record StatusChange(MatterStatus from, MatterStatus to, String reason, String actorName, java.time.Instant at) {
	}

	private static final String SELECT = """
			select m.*, b.name as body_name, x.basis, x.violated, x.penalty
			from enforcement_matter m join body_view b on b.id = m.body_id
			cross join lateral (
			  -- the matter's citations read once, in their three roles
			  select string_agg(x.citation, '|' order by x.citation) as basis,
			         string_agg(x.citation, '|' order by x.citation) filter (where x.role = 'VIOLATED') as violated,
			         string_agg(x.citation, '|' order by x.citation) filter (where x.role = 'PENALTY') as penalty
			  from enforcement_matter_basis x where x.matter_id = m.id) x""";

	public List<Matter> list(DataScope scope, Long bodyId, MatterStatus status) {
		Map<String, Object> p = new HashMap<>();
		String where = " where " + scopes.sqlCondition(scope, "m.body_id", p);
		if (bodyId != null) {
			where += " and m.body_id = :b";
			p.put("b", bodyId);
		}
		if (status != null) {
			where += " and m.status = :s";
			p.put("s", status.name());
		}
		return jdbc.query(SELECT + where + " order by b.name, m.code", p, (rs, i) -> row(rs));
	}

	public Matter get(DataScope scope, long id) {
		return jdbc.query(SELECT + " where m.id = :id", Map.of("id", id), (rs, i) -> row(rs)).stream()
			.filter(m -> scopes.covers(scope, m.bodyId())).findFirst().orElseThrow(() -> new NotFound("执法事项"));
	}

	@Transactional
	public Matter create(DataScope scope, MatterForm f, boolean demo) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.bodyId() == null || !scopes.covers(scope, f.bodyId())) {
			errors.put("bodyId", "请选择本单位（只能为管理范围内的执法主体编制事项）");
		}
		if (f.code() == null || f.code().isBlank()) {
			errors.put("code", "请填写事项编码（如 SJ-CF-001）");
		}
		else if (!f.code().strip().matches("[A-Za-z0-9][A-Za-z0-9-]{0,39}")) {
			errors.put("code", "事项编码应为字母、数字和连字符（不超过40位）");
		}
		else if (f.bodyId() != null) {
			// a code is one matter's across the region: a township takes a county-level power by 赋权, not by a copy of its code
			jdbc.queryForList("select b.name from enforcement_matter m join body_view b on b.id = m.body_id where m.code = :c and m.body_id <> :b limit 1",
					Map.of("c", f.code().strip(), "b", f.bodyId()), String.class).stream().findFirst().ifPresent(other -> errors.put("code",
							"事项编码“" + f.code().strip() + "”已是" + other + "的事项：承接其他机关的职权（如乡镇赋权）请在“乡镇赋权”中登记，本单位自有事项请用本单位的编码"));
		}
		Map<String, Citation> provisions = validate(f, errors);
		long id;
		try {
			id = jdbc.queryForObject("""
					insert into enforcement_matter (body_id, code, name, type, domain_code, township, violation_codes, status, demo, created_at, updated_at)
					values (:b, :c, :n, :t, :d, :tw, :v, 'DRAFT', :demo, :now, :now) returning id""",
					new MapSqlParameterSource().addValue("b", f.bodyId()).addValue("c", f.code().strip()).addValue("n", f.name().strip())
						.addValue("t", f.type().name()).addValue("d", f.domainCode()).addValue("tw", Boolean.TRUE.equals(f.township()))
						.addValue("v", String.join(",", codes(f))).addValue("demo", demo).addValue("now", Timestamp.from(clock.instant())),
					Long.class);
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			throw BusinessRuleViolation.onField("code", "本单位已有编码为“" + f.code().strip() + "”的事项");
		}
		saveBasis(id, provisions);
		status(id, null, MatterStatus.DRAFT, "编制");
		record.append("enforcement_matter", id, f.bodyId(), "matter.created", "编制执法事项“" + f.name().strip() + "”",
				Map.of("code", f.code().strip(), "type", f.type().label(), "basis", new ArrayList<>(provisions.keySet()), "violationCodes", codes(f),
						"violatedClauses", roleOf(provisions, ClauseRole.VIOLATED), "penaltyClauses", roleOf(provisions, ClauseRole.PENALTY)));
		return get(DataScope.all(), id);
	}

	/** Edits a matter of the working catalogue (the code stays: it identifies the item across versions). */
	@Transactional
	public Matter update(DataScope scope, long id, MatterForm f) {
		Matter m = get(scope, id);
		if (m.status() == MatterStatus.CANCELLED) {
			throw new BusinessRuleViolation("已取消的事项不能修改");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Citation> provisions = validate(f, errors);
		jdbc.update("""
				update enforcement_matter set name = :n, type = :t, domain_code = :d, township = :tw, violation_codes = :v, updated_at = :now
				where id = :id""", new MapSqlParameterSource().addValue("n", f.name().strip()).addValue("t", f.type().name()).addValue("d", f.domainCode())
			.addValue("tw", Boolean.TRUE.equals(f.township())).addValue("v", String.join(",", codes(f))).addValue("now", Timestamp.from(clock.instant()))
			.addValue("id", id));
		jdbc.update("delete from enforcement_matter_basis where matter_id = :m", Map.of("m", id));
		saveBasis(id, provisions);
		Matter after = get(DataScope.all(), id);
		var diff = CatalogueDiff.between(List.of(CatalogueEntry.of(m)), List.of(CatalogueEntry.of(after)));
		List<String> lines = new ArrayList<>(diff.changed().isEmpty() ? List.of() : diff.changed().get(0).lines());
		if (!m.violatedClauses().equals(after.violatedClauses())) {
			lines.add("违反条款：" + String.join("、", m.violatedClauses()) + " → " + String.join("、", after.violatedClauses()));
		}
		if (!m.penaltyClauses().equals(after.penaltyClauses())) {
			lines.add("处罚条款：" + String.join("、", m.penaltyClauses()) + " → " + String.join("、", after.penaltyClauses()));
		}
		record.append("enforcement_matter", id, m.bodyId(), "matter.updated", "修改执法事项“" + after.name() + "”",
				Map.of("changes", lines.isEmpty() ? List.of("无变化") : lines));
		return after;
	}

	private Map<String, Citation> validate(MatterForm f, Map<String, String> errors) {
		if (f.name() == null || f.name().isBlank()) {
			errors.put("name", "请填写事项名称");
		}
		else if (f.name().strip().length() > 300) {
			errors.put("name", "事项名称不超过300字");
		}
		if (f.type() == null) {
			errors.put("type", "请选择事项类别");
		}
		if (f.domainCode() == null || f.domainCode().isBlank()) {
			errors.put("domainCode", "请选择执法领域");
		}
		else if (jdbc.queryForObject("select count(*) from domain_view where code = :c", Map.of("c", f.domainCode()), Integer.class) == 0) {
			errors.put("domainCode", "执法领域“" + f.domainCode() + "”不存在");
		}
		for (String code : codes(f)) {
			if (!code.matches("[A-Z0-9][A-Z0-9-]{0,39}")) {
				errors.put("violationCodes", "违法行为编码“" + code + "”应为字母、数字和连字符");
			}
		}
		Map<String, Citation> provisions = new TreeMap<>();
		resolve(f.basis(), ClauseRole.BASIS, "basis", provisions, errors);
		resolve(f.violatedClauses(), ClauseRole.VIOLATED, "violatedClauses", provisions, errors);
		resolve(f.penaltyClauses(), ClauseRole.PENALTY, "penaltyClauses", provisions, errors);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		return provisions;
	}

	/** Resolves the citations of one role; a citation cannot be both the violated and the punishing clause. */
	private void resolve(List<String> citations, ClauseRole role, String field, Map<String, Citation> provisions, Map<String, String> errors) {
		for (String citation : citations == null ? List.<String>of() : citations) {
			if (citation == null || citation.isBlank()) {
				continue;
			}
			String c = citation.strip();
			Citation earlier = provisions.get(c);
			if (earlier != null && earlier.role() != ClauseRole.BASIS) {
				errors.put(field, "“" + c + "”不能同时是违反条款和处罚条款（同一条既禁止又处罚的，只填处罚条款）");
				continue;
			}
			library.resolve(c, LocalDate.now(clock)).ifPresentOrElse(p -> provisions.put(c, new Citation(p.id(), role)),
					() -> errors.put(field, "法律依据库中找不到现行有效的“" + c + "”"));
		}
	}

	private static List<String> roleOf(Map<String, Citation> provisions, ClauseRole role) {
		return provisions.entrySet().stream().filter(e -> e.getValue().role() == role).map(Map.Entry::getKey).toList();
	}

	/** Matters by id, in one query (for exporting a catalogue version with the clauses' roles). */
	public Map<Long, Matter> byIds(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, Matter> out = new HashMap<>();
		jdbc.query(SELECT + " where m.id in (:ids)", Map.of("ids", ids), (rs, i) -> row(rs)).forEach(m -> out.put(m.id(), m));
		return out;
	}

	private static List<String> codes(MatterForm f) {
		return f.violationCodes() == null ? List.of()
				: f.violationCodes().stream().filter(c -> c != null && !c.isBlank()).map(c -> c.strip().toUpperCase()).distinct().sorted().toList();
	}

	private void saveBasis(long id, Map<String, Citation> provisions) {
		jdbc.batchUpdate("insert into enforcement_matter_basis (matter_id, citation, provision_id, role) values (:m, :c, :p, :r)",
				provisions.entrySet().stream().map(e -> new MapSqlParameterSource().addValue("m", id).addValue("c", e.getKey())
					.addValue("p", e.getValue().provisionId()).addValue("r", e.getValue().role().name())).toArray(MapSqlParameterSource[]::new));
	}

	public List<StatusChange> history(long id) {
		return jdbc.query("select * from enforcement_matter_status where matter_id = :m order by id", Map.of("m", id),
				(rs, i) -> new StatusChange(rs.getString("from_status") == null ? null : MatterStatus.valueOf(rs.getString("from_status")),
						MatterStatus.valueOf(rs.getString("to_status")), rs.getString("reason"), rs.getString("actor_name"),
						rs.getTimestamp("changed_at").toInstant()));
	}

	/** Changes a matter's status; a matter without legal basis cannot become 有效. */
	@Transactional
	public Matter changeStatus(DataScope scope, long id, MatterStatus to, String reason) {
		Matter m = get(scope, id);
		if (to == null || !m.status().canBecome(to)) {
			throw new BusinessRuleViolation("事项当前为“" + m.status().label() + "”，不能变为“" + (to == null ? "?" : to.label()) + "”");
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写原因");
		}
		if (to == MatterStatus.ACTIVE && m.basis().isEmpty()) {
			throw new BusinessRuleViolation("没有法律、法规、规章依据的执法事项不能生效，只能提议取消（芒市方案任务11）");
		}
		if (m.status() == MatterStatus.DRAFT && to == MatterStatus.ACTIVE) {
			throw new BusinessRuleViolation("草稿事项须随本单位执法事项目录报司法局备案审查、发布后生效");
		}
		jdbc.update("update enforcement_matter set status = :s, updated_at = now() where id = :id", Map.of("s", to.name(), "id", id));
		status(id, m.status(), to, reason.strip());
		record.append("enforcement_matter", id, m.bodyId(), "matter.status_changed",
				"执法事项“" + m.name() + "”：" + m.status().label() + " → " + to.label(), Map.of("reason", reason.strip()));
		return get(DataScope.all(), id);
	}

	/** The matters that cover a violation of the discretion benchmarks (the link from a benchmark to the catalogue). */
	public List<Matter> withViolation(DataScope scope, String violationCode) {
		return list(scope, null, null).stream().filter(m -> m.violationCodes().contains(violationCode) && m.status() != MatterStatus.CANCELLED).toList();
	}

	/** Matters that have no legal basis: proposals for cancellation (清理). */
	public List<Matter> withoutBasis(DataScope scope) {
		return list(scope, null, null).stream().filter(m -> m.basis().isEmpty() && m.status() != MatterStatus.CANCELLED).toList();
	}

	/** A draft that a published catalogue version contains takes effect. */
	void activateOnPublish(Matter m, int versionNo) {
		jdbc.update("update enforcement_matter set status = 'ACTIVE', updated_at = now() where id = :id", Map.of("id", m.id()));
		status(m.id(), MatterStatus.DRAFT, MatterStatus.ACTIVE, "随执法事项目录第" + versionNo + "版发布生效");
		record.append("enforcement_matter", m.id(), m.bodyId(), "matter.status_changed", "执法事项“" + m.name() + "”：草稿 → 有效",
				Map.of("reason", "随执法事项目录第" + versionNo + "版发布生效"));
	}

	private void status(long id, MatterStatus from, MatterStatus to, String reason) {
		jdbc.update("""
				insert into enforcement_matter_status (matter_id, from_status, to_status, reason, actor_name, changed_at)
				values (:m, :f, :t, :r, :a, now())""",
				new MapSqlParameterSource().addValue("m", id).addValue("f", from == null ? null : from.name()).addValue("t", to.name())
					.addValue("r", reason).addValue("a", Operator.current().operatorName()));
	}

	private static Matter row(java.sql.ResultSet rs) throws java.sql.SQLException {
		String basis = rs.getString("basis");
		return new Matter(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getString("code"), rs.getString("name"),
				MatterType.valueOf(rs.getString("type")), rs.getString("domain_code"), rs.getBoolean("township"),
				MatterStatus.valueOf(rs.getString("status")), basis == null ? List.of() : List.of(basis.split("\\|")),
				rs.getString("violation_codes").isEmpty() ? List.of() : List.of(rs.getString("violation_codes").split(",")), rs.getBoolean("demo"),
				split(rs.getString("violated")), split(rs.getString("penalty")));
	}

	private static List<String> split(String joined) {
		return joined == null ? List.of() : List.of(joined.split("\\|"));
	}

	/**
	 * The laws the matter rests on that took a new version after the act, up to {@code today}, as "《食品安全法》（2026-01-01
	 * 起施行）": 行政处罚法第三十七条 applies the law at the time of the act, unless the new one is lighter or no longer makes it
	 * a violation — which the officers must weigh; the platform tells them there is something to weigh.
	 */
	public List<String> revisedSince(long matterId, java.time.LocalDate actDate, java.time.LocalDate today) {
		return jdbc.queryForList("""
				select distinct '《' || n.short_title || '》（' || to_char(n.effective_from, 'YYYY-MM-DD') || ' 起施行）', n.effective_from
				from matter_basis_view b join legal_provision p on p.id = b.provision_id join legal_document d on d.id = p.document_id
				  join legal_document n on n.short_title = d.short_title and n.effective_from > :act and n.effective_from <= :today
				where b.matter_id = :m order by n.effective_from""",
				new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("m", matterId).addValue("act", actDate).addValue("today", today))
			.stream().map(r -> (String) r.values().iterator().next()).toList();
	}
}

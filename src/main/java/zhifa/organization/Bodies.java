package zhifa.organization;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.Changes;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Page;
import zhifa.shared.Uscc;

/**
 * 执法主体: search, read, create, edit, deactivate — always within the caller's data scope. Bodies are never deleted:
 * records and cases refer to them.
 */
@Service
public class Bodies {

	public static final int MAX_PAGE_SIZE = 100;

	private static final String SELECT = """
			select b.*, r.name as region_name, r.path as region_path, s.name as superior_name,
			  (select string_agg(d.domain_code, ',' order by d.domain_code) from org_body_domain d where d.body_id = b.id) as domains
			from org_body b join org_region r on r.id = b.region_id left join org_body s on s.id = b.superior_body_id
			""";

	private final NamedParameterJdbcTemplate jdbc;
	private final Regions regions;
	private final Domains domains;
	private final FullProcessRecord record;
	private final Clock clock;

	Bodies(NamedParameterJdbcTemplate jdbc, Regions regions, Domains domains, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.domains = domains;
		this.record = record;
		this.clock = clock;
	}

	/** Search criteria; every field optional. */
	public record Query(String text, Long regionId, BodyKind kind, Boolean active, String domainCode) {
		public static Query all() {
			return new Query(null, null, null, null, null);
		}
	}

	public Page<EnforcementBody> search(DataScope scope, Query q, int page, int size) {
		int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
		int pageNo = Math.max(page, 0);
		return search(scope, q, pageNo, pageSize, true);
	}

	private Page<EnforcementBody> search(DataScope scope, Query q, int pageNo, int pageSize, boolean count) {
		StringBuilder where = new StringBuilder(" where " + scope.sqlCondition("b.id", "r.path"));
		Map<String, Object> p = new HashMap<>();
		if (q.text() != null && !q.text().isBlank()) {
			where.append(" and (b.name like :text or b.uscc like :text)");
			p.put("text", "%" + q.text().strip().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (q.regionId() != null) {
			where.append(" and r.path like :regionPath");
			p.put("regionPath", regions.get(q.regionId()).path() + "%");
		}
		if (q.kind() != null) {
			where.append(" and b.kind = :kind");
			p.put("kind", q.kind().name());
		}
		if (q.active() != null) {
			where.append(" and b.status = :status");
			p.put("status", q.active() ? "ACTIVE" : "INACTIVE");
		}
		if (q.domainCode() != null && !q.domainCode().isBlank()) {
			where.append(" and exists (select 1 from org_body_domain d where d.body_id = b.id and d.domain_code = :domain)");
			p.put("domain", q.domainCode());
		}
		Map<String, Object> params = scope.bind(p);
		params.put("limit", pageSize);
		params.put("offset", (long) pageNo * pageSize);
		List<EnforcementBody> items = withEntrustments(jdbc.query(SELECT + where
				+ " order by r.path, b.supervisory desc, b.name limit :limit offset :offset", params, this::row));
		long total = count ? jdbc.queryForObject("select count(*) from org_body b join org_region r on r.id = b.region_id" + where, params, Long.class)
				: items.size();
		return new Page<>(items, total, pageNo, pageSize);
	}

	public Optional<EnforcementBody> find(DataScope scope, long id) {
		Map<String, Object> params = scope.bind(Map.of("id", id));
		return withEntrustments(jdbc.query(SELECT + " where b.id = :id and " + scope.sqlCondition("b.id", "r.path"), params,
				this::row)).stream().findFirst();
	}

	public EnforcementBody get(DataScope scope, long id) {
		return find(scope, id).orElseThrow(() -> new NotFound("执法主体"));
	}

	/**
	 * Every active body in scope: for choosers (superior body, entrusting organ, user's body) and for what is summed or
	 * checked over the scope (the county summary, who has not published) — never cut at a page (a prefecture or a
	 * province has hundreds of bodies).
	 */
	public List<EnforcementBody> choices(DataScope scope) {
		return search(scope, new Query(null, null, null, true, null), 0, Integer.MAX_VALUE, false).items();
	}

	/** Every active administrative organ: possible entrusting organs and superior bodies (platform-wide list). */
	public record Organ(long id, String name, String regionName) {
	}

	public List<Organ> organs() {
		return jdbc.query("""
				select b.id, b.name, r.name as region_name from org_body b join org_region r on r.id = b.region_id
				where b.status = 'ACTIVE' and b.kind <> 'ENTRUSTED_ORGANIZATION' order by r.path, b.name""", Map.of(),
				(rs, i) -> new Organ(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	@Transactional
	public EnforcementBody create(DataScope scope, BodyForm form, boolean demo) {
		Map<String, String> errors = validate(scope, form, null);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		Instant now = clock.instant();
		long id = jdbc.queryForObject("select nextval('org_body_id_seq')", Map.of(), Long.class);
		jdbc.update("""
				insert into org_body (id, name, uscc, kind, region_id, status, qualification_notice, supervisory, vertical,
				  superior_body_id, demo, version, created_at, updated_at, review_organ, court, payment_bank, payment_account, payment_channel,
				  contact_person, contact_phone, contact_address)
				values (:id, :name, :uscc, :kind, :region, 'ACTIVE', :notice, :supervisory, :vertical, :superior, :demo, 0, :now, :now,
				  :reviewOrgan, :court, :paymentBank, :paymentAccount, :paymentChannel, :contactPerson, :contactPhone, :contactAddress)""",
				params(form).addValue("id", id).addValue("demo", demo).addValue("now", Timestamp.from(now)));
		writeDomains(id, form.getDomainCodes());
		if (form.getKind() == BodyKind.ENTRUSTED_ORGANIZATION) {
			writeEntrustment(id, form.getEntrustment(), now);
		}
		EnforcementBody body = get(DataScope.all(), id);
		record.append(OrganizationDirectory.RECORD_SUBJECT, id, id, "body.created", "新建执法主体“" + body.name() + "”", snapshot(body));
		return body;
	}

	@Transactional
	public EnforcementBody update(DataScope scope, long id, BodyForm form) {
		EnforcementBody before = get(scope, id);
		Map<String, String> errors = validate(scope, form, id);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		Instant now = clock.instant();
		jdbc.update("""
				update org_body set name = :name, uscc = :uscc, kind = :kind, region_id = :region,
				  qualification_notice = :notice, supervisory = :supervisory, vertical = :vertical,
				  superior_body_id = :superior, review_organ = :reviewOrgan, court = :court, payment_bank = :paymentBank,
				  payment_account = :paymentAccount, payment_channel = :paymentChannel, contact_person = :contactPerson,
				  contact_phone = :contactPhone, contact_address = :contactAddress, version = version + 1, updated_at = :now where id = :id""",
				params(form).addValue("id", id).addValue("now", Timestamp.from(now)));
		jdbc.update("delete from org_body_domain where body_id = :id", Map.of("id", id));
		writeDomains(id, form.getDomainCodes());
		if (form.getKind() == BodyKind.ENTRUSTED_ORGANIZATION && entrustmentChanged(before.entrustment(), form.getEntrustment())) {
			writeEntrustment(id, form.getEntrustment(), now);
		}
		EnforcementBody after = get(DataScope.all(), id);
		Map<String, Object> changes = Changes.between(snapshot(before), snapshot(after));
		if (!changes.isEmpty()) {
			record.append(OrganizationDirectory.RECORD_SUBJECT, id, id, "body.updated", "修改执法主体“" + after.name() + "”", Map.of("changes", changes));
		}
		return after;
	}

	@Transactional
	public EnforcementBody setActive(DataScope scope, long id, boolean active, String reason) {
		EnforcementBody body = get(scope, id);
		if (body.active() == active) {
			throw new BusinessRuleViolation(active ? "该主体已是启用状态" : "该主体已停用");
		}
		if (!active && (reason == null || reason.isBlank())) {
			throw BusinessRuleViolation.onField("reason", "停用执法主体须填写原因");
		}
		if (!active) {
			List<String> dependants = jdbc.queryForList("""
					select b.name from org_entrustment e join org_body b on b.id = e.body_id
					where e.entrusting_body_id = :id and b.status = 'ACTIVE' and e.valid_to >= :today order by b.name""",
					Map.of("id", id, "today", LocalDate.now(clock)), String.class);
			if (!dependants.isEmpty()) {
				throw new BusinessRuleViolation("该主体仍有 " + dependants.size() + " 个有效的受委托组织（"
						+ String.join("、", dependants.subList(0, Math.min(3, dependants.size()))) + (dependants.size() > 3 ? " 等" : "")
						+ "），请先停用受委托组织或终止委托");
			}
		}
		jdbc.update("update org_body set status = :s, version = version + 1, updated_at = now() where id = :id",
				Map.of("s", active ? "ACTIVE" : "INACTIVE", "id", id));
		record.append(OrganizationDirectory.RECORD_SUBJECT, id, id, active ? "body.activated" : "body.deactivated",
				(active ? "启用" : "停用") + "执法主体“" + body.name() + "”",
				Map.of("reason", reason == null ? "" : reason.strip()));
		return get(DataScope.all(), id);
	}

	/** All field errors of a form, in Chinese; empty when valid. */
	Map<String, String> validate(DataScope scope, BodyForm f, Long existingId) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.getName() == null || f.getName().isBlank()) {
			errors.put("name", "请填写主体名称");
		}
		else if (f.getName().strip().length() > 200) {
			errors.put("name", "主体名称不能超过200个字");
		}
		String uscc = f.getUscc() == null ? null : f.getUscc().strip().toUpperCase();
		f.setUscc(uscc);
		Uscc.problem(uscc).ifPresent(p -> errors.put("uscc", p));
		if (!errors.containsKey("uscc")) {
			List<String> owner = jdbc.queryForList("select name from org_body where uscc = :u and id <> :id",
					Map.of("u", uscc, "id", existingId == null ? -1 : existingId), String.class);
			if (!owner.isEmpty()) {
				errors.put("uscc", "统一社会信用代码 " + uscc + " 已被“" + owner.get(0) + "”使用");
			}
		}
		if (f.getKind() == null) {
			errors.put("kind", "请选择主体类别");
		}
		Region region = null;
		if (f.getRegionId() == null) {
			errors.put("regionId", "请选择所属区划");
		}
		else {
			region = regions.find(f.getRegionId()).orElse(null);
			if (region == null) {
				errors.put("regionId", "所选区划不存在");
			}
			else if (scope.kind() == DataScope.Kind.REGION_SUBTREE && !region.path().startsWith(scope.regionPath())) {
				errors.put("regionId", "只能在本监督范围内的区划设立主体");
			}
		}
		if (region != null && f.getName() != null && !errors.containsKey("name")) {
			Integer same = jdbc.queryForObject("select count(*) from org_body where region_id = :r and name = :n and id <> :id",
					Map.of("r", region.id(), "n", f.getName().strip(), "id", existingId == null ? -1 : existingId),
					Integer.class);
			if (same > 0) {
				errors.put("name", "“" + region.name() + "”已有同名主体“" + f.getName().strip() + "”");
			}
		}
		for (String code : f.getDomainCodes()) {
			if (!domains.exists(code)) {
				errors.put("domainCodes", "执法领域代码“" + code + "”不存在");
			}
		}
		if (f.isVertical()) {
			if (f.getSuperiorBodyId() == null) {
				errors.put("superiorBodyId", "垂直管理的主体须指明上级主管机关");
			}
		}
		if (f.getSuperiorBodyId() != null) {
			if (f.getSuperiorBodyId().equals(existingId)) {
				errors.put("superiorBodyId", "上级主管机关不能是本主体");
			}
			else if (!bodyExists(f.getSuperiorBodyId())) {
				errors.put("superiorBodyId", "所选上级主管机关不存在");
			}
		}
		if (f.isSupervisory() && f.getKind() != null && f.getKind() != BodyKind.ADMINISTRATIVE_ORGAN) {
			errors.put("supervisory", "只有行政机关（司法行政机关）可以承担执法监督职责");
		}
		if (f.getKind() == BodyKind.ENTRUSTED_ORGANIZATION) {
			validateEntrustment(f.getEntrustment(), existingId, errors);
		}
		else if (existingId != null && f.getKind() != null) {
			Integer entrusted = jdbc.queryForObject(
					"select count(*) from org_entrustment e join org_body b on b.id = e.body_id where e.entrusting_body_id = :id and b.status = 'ACTIVE'",
					Map.of("id", existingId), Integer.class);
			if (entrusted > 0 && f.getKind() != BodyKind.ADMINISTRATIVE_ORGAN) {
				errors.put("kind", "该主体已委托其他组织执法，类别只能是行政机关");
			}
		}
		validateDocuments(f.documents(), errors);
		return errors;
	}

	private void validateEntrustment(BodyForm.EntrustmentForm e, Long existingId, Map<String, String> errors) {
		if (e == null) {
			errors.put("entrustment", "受委托组织须录入委托书（委托机关、文号、委托事项、权限和期限）");
			return;
		}
		if (e.getEntrustingBodyId() == null) {
			errors.put("entrustment.entrustingBodyId", "请选择委托机关");
		}
		else {
			List<String> kind = jdbc.queryForList("select kind from org_body where id = :id and status = 'ACTIVE'",
					Map.of("id", e.getEntrustingBodyId()), String.class);
			if (kind.isEmpty()) {
				errors.put("entrustment.entrustingBodyId", "所选委托机关不存在或已停用");
			}
			else if (BodyKind.valueOf(kind.get(0)) == BodyKind.ENTRUSTED_ORGANIZATION) {
				errors.put("entrustment.entrustingBodyId", "受委托组织不得再委托其他组织（行政处罚法第二十条）");
			}
			else if (BodyKind.valueOf(kind.get(0)) != BodyKind.ADMINISTRATIVE_ORGAN) {
				errors.put("entrustment.entrustingBodyId", "只有行政机关可以委托组织实施行政处罚（行政处罚法第二十条）");
			}
			else if (e.getEntrustingBodyId().equals(existingId)) {
				errors.put("entrustment.entrustingBodyId", "委托机关不能是本主体");
			}
		}
		if (e.getDocumentNumber() == null || e.getDocumentNumber().isBlank()) {
			errors.put("entrustment.documentNumber", "请填写委托书文号");
		}
		if (e.getScope() == null || e.getScope().isBlank()) {
			errors.put("entrustment.scope", "请填写委托的具体事项");
		}
		if (e.getAuthority() == null || e.getAuthority().isBlank()) {
			errors.put("entrustment.authority", "请填写委托权限");
		}
		if (e.getValidFrom() == null || e.getValidTo() == null) {
			errors.put("entrustment.validTo", "请填写委托期限（起止日期）");
		}
		else if (e.getValidTo().isBefore(e.getValidFrom())) {
			errors.put("entrustment.validTo", "委托期限的结束日期不能早于开始日期");
		}
	}

	private boolean bodyExists(long id) {
		return jdbc.queryForObject("select count(*) from org_body where id = :id", Map.of("id", id), Integer.class) > 0;
	}

	private MapSqlParameterSource params(BodyForm f) {
		return new MapSqlParameterSource().addValue("name", f.getName().strip())
			.addValue("uscc", f.getUscc())
			.addValue("kind", f.getKind().name())
			.addValue("region", f.getRegionId())
			.addValue("notice", f.getQualificationNotice() == null || f.getQualificationNotice().isBlank() ? null
					: f.getQualificationNotice().strip())
			.addValue("supervisory", f.isSupervisory())
			.addValue("vertical", f.isVertical())
			.addValue("superior", f.getSuperiorBodyId())
			.addValue("reviewOrgan", f.documents().reviewOrgan())
			.addValue("court", f.documents().court())
			.addValue("paymentBank", f.documents().paymentBank())
			.addValue("paymentAccount", f.documents().paymentAccount())
			.addValue("paymentChannel", f.documents().paymentChannel())
			.addValue("contactPerson", f.documents().contactPerson())
			.addValue("contactPhone", f.documents().contactPhone())
			.addValue("contactAddress", f.documents().contactAddress());
	}

	/** The document fields' errors: lengths, an account only with its bank, a telephone of digits. */
	private static void validateDocuments(DocumentDetails d, Map<String, String> errors) {
		String[][] limits = { { "reviewOrgan", "行政复议机关", "200" }, { "court", "人民法院名称", "200" }, { "paymentBank", "缴款银行", "200" },
				{ "paymentAccount", "缴款账号", "100" }, { "paymentChannel", "缴款渠道", "300" }, { "contactPerson", "联系人", "100" },
				{ "contactPhone", "联系电话", "40" }, { "contactAddress", "联系地址", "300" } };
		String[] values = { d.reviewOrgan(), d.court(), d.paymentBank(), d.paymentAccount(), d.paymentChannel(), d.contactPerson(), d.contactPhone(),
				d.contactAddress() };
		for (int i = 0; i < limits.length; i++) {
			if (values[i] != null && values[i].length() > Integer.parseInt(limits[i][2])) {
				errors.put(limits[i][0], limits[i][1] + "不能超过" + limits[i][2] + "个字");
			}
		}
		if (d.paymentAccount() != null && d.paymentBank() == null) {
			errors.put("paymentBank", "填写缴款账号时须同时填写开户银行");
		}
		if (d.paymentAccount() != null && !d.paymentAccount().matches("[0-9 -]{6,40}")) {
			errors.put("paymentAccount", "缴款账号只能由数字、空格和连字符组成（6至40位）");
		}
		if (d.contactPhone() != null && !d.contactPhone().matches("[0-9][0-9 ()（）-]{5,38}[0-9]")) {
			errors.put("contactPhone", "联系电话只能由数字、括号、空格和连字符组成，如 0692-2123456");
		}
	}

	private void writeDomains(long id, List<String> codes) {
		List<String> distinct = codes.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
		jdbc.batchUpdate("insert into org_body_domain (body_id, domain_code) values (:b, :d)",
				distinct.stream().map(c -> new MapSqlParameterSource().addValue("b", id).addValue("d", c))
					.toArray(MapSqlParameterSource[]::new));
	}

	private void writeEntrustment(long id, BodyForm.EntrustmentForm e, Instant now) {
		jdbc.update("""
				insert into org_entrustment (body_id, entrusting_body_id, document_number, scope, authority, valid_from,
				  valid_to, published, created_at)
				values (:b, :eb, :doc, :scope, :auth, :from, :to, :pub, :now)""",
				new MapSqlParameterSource().addValue("b", id)
					.addValue("eb", e.getEntrustingBodyId())
					.addValue("doc", e.getDocumentNumber().strip())
					.addValue("scope", e.getScope().strip())
					.addValue("auth", e.getAuthority().strip())
					.addValue("from", e.getValidFrom())
					.addValue("to", e.getValidTo())
					.addValue("pub", e.isPublished())
					.addValue("now", Timestamp.from(now)));
	}

	private static boolean entrustmentChanged(Entrustment before, BodyForm.EntrustmentForm after) {
		return before == null || !(before.entrustingBodyId() == after.getEntrustingBodyId()
				&& before.documentNumber().equals(after.getDocumentNumber().strip())
				&& before.scope().equals(after.getScope().strip()) && before.authority().equals(after.getAuthority().strip())
				&& before.validFrom().equals(after.getValidFrom()) && before.validTo().equals(after.getValidTo())
				&& before.published() == after.isPublished());
	}

	static Map<String, Object> snapshot(EnforcementBody b) {
		Map<String, Object> m = new TreeMap<>();
		m.put("name", b.name());
		m.put("uscc", b.uscc());
		m.put("kind", b.kind().label());
		m.put("region", b.regionName());
		m.put("active", b.active());
		m.put("qualificationNotice", b.qualificationNotice() == null ? "" : b.qualificationNotice());
		m.put("supervisory", b.supervisory());
		m.put("vertical", b.vertical());
		m.put("superiorBody", b.superiorBodyName() == null ? "" : b.superiorBodyName());
		m.put("domains", String.join(",", b.domainCodes()));
		DocumentDetails d = b.documents();
		m.put("reviewOrgan", nullToEmpty(d.reviewOrgan()));
		m.put("court", nullToEmpty(d.court()));
		m.put("payment", nullToEmpty(d.paymentWhere()));
		m.put("contact", String.join(" ", nullToEmpty(d.contactPerson()), nullToEmpty(d.contactPhone()), nullToEmpty(d.contactAddress())).strip());
		if (b.entrustment() != null) {
			Entrustment e = b.entrustment();
			m.put("entrustment", e.entrustingBodyName() + " " + e.documentNumber() + " " + e.validFrom() + "至" + e.validTo()
					+ (e.published() ? " 已公布" : " 未公布") + " 事项：" + e.scope() + " 权限：" + e.authority());
		}
		return m;
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	private EnforcementBody row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		String domainList = rs.getString("domains");
		return new EnforcementBody(rs.getLong("id"), rs.getString("name"), rs.getString("uscc"),
				BodyKind.valueOf(rs.getString("kind")), rs.getLong("region_id"), rs.getString("region_name"),
				rs.getString("region_path"), "ACTIVE".equals(rs.getString("status")), rs.getString("qualification_notice"),
				rs.getBoolean("supervisory"), rs.getBoolean("vertical"), (Long) rs.getObject("superior_body_id"),
				rs.getString("superior_name"), rs.getBoolean("demo"), rs.getInt("version"),
				domainList == null ? List.of() : List.of(domainList.split(",")), null,
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				new DocumentDetails(rs.getString("review_organ"), rs.getString("court"), rs.getString("payment_bank"), rs.getString("payment_account"),
						rs.getString("payment_channel"), rs.getString("contact_person"), rs.getString("contact_phone"), rs.getString("contact_address")));
	}

	/** Loads the current 委托书 of the entrusted organisations in one query (no N+1). */
	private List<EnforcementBody> withEntrustments(List<EnforcementBody> bodies) {
		List<Long> ids = bodies.stream().filter(b -> b.kind() == BodyKind.ENTRUSTED_ORGANIZATION).map(EnforcementBody::id)
			.toList();
		if (ids.isEmpty()) {
			return bodies;
		}
		Map<Long, Entrustment> byBody = new HashMap<>();
		jdbc.query("""
				select distinct on (e.body_id) e.*, b.name as entrusting_name from org_entrustment e
				join org_body b on b.id = e.entrusting_body_id where e.body_id in (:ids) order by e.body_id, e.id desc""",
				Map.of("ids", ids), rs -> {
					byBody.put(rs.getLong("body_id"), new Entrustment(rs.getLong("id"), rs.getLong("entrusting_body_id"),
							rs.getString("entrusting_name"), rs.getString("document_number"), rs.getString("scope"),
							rs.getString("authority"), rs.getDate("valid_from").toLocalDate(),
							rs.getDate("valid_to").toLocalDate(), rs.getBoolean("published")));
				});
		List<EnforcementBody> out = new ArrayList<>(bodies.size());
		for (EnforcementBody b : bodies) {
			Entrustment e = byBody.get(b.id());
			out.add(e == null ? b : new EnforcementBody(b.id(), b.name(), b.uscc(), b.kind(), b.regionId(), b.regionName(),
					b.regionPath(), b.active(), b.qualificationNotice(), b.supervisory(), b.vertical(), b.superiorBodyId(),
					b.superiorBodyName(), b.demo(), b.version(), b.domainCodes(), e, b.createdAt(), b.updatedAt(), b.documents()));
		}
		return out;
	}

	/** Counts of bodies in scope: total and active. */
	public Map<String, Long> counts(DataScope scope) {
		Map<String, Object> row = jdbc.queryForMap("""
				select count(*) as total, count(*) filter (where b.status = 'ACTIVE') as active
				from org_body b join org_region r on r.id = b.region_id where """ + " " + scope.sqlCondition("b.id", "r.path"),
				scope.bind(Map.of()));
		return row.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue()));
	}
}

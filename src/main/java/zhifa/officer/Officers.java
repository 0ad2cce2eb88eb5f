package zhifa.officer;

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

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.organization.Domains;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.Changes;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.IdNumber;
import zhifa.shared.NotFound;
import zhifa.shared.Page;
import zhifa.shared.PersonalData;

/**
 * 执法人员: a body manages its own officers; supervisors read all in their subtree. The ID number is validated
 * (GB 11643), stored SM4-encrypted with a keyed fingerprint for uniqueness, and shown masked.
 */
@Service
public class Officers {

	static final String SELECT = """
			select o.*, b.name as body_name, (select u.username from account_view u where u.id = o.user_id) as username,
			  (select string_agg(d.domain_code, ',' order by d.domain_code) from officer_domain d where d.officer_id = o.id) as domains
			from officer o join body_view b on b.id = o.body_id
			""";

	private final NamedParameterJdbcTemplate jdbc;
	private final PersonalData personal;
	private final BodyScopes scopes;
	private final OrganizationDirectory directory;
	private final Domains domains;
	private final FullProcessRecord record;
	private final Certificates certificates;
	private final Clock clock;

	Officers(NamedParameterJdbcTemplate jdbc, PersonalData personal, BodyScopes scopes, OrganizationDirectory directory,
			Domains domains, FullProcessRecord record, Certificates certificates, Clock clock) {
		this.jdbc = jdbc;
		this.personal = personal;
		this.scopes = scopes;
		this.directory = directory;
		this.domains = domains;
		this.record = record;
		this.certificates = certificates;
		this.clock = clock;
	}

	/** List criteria; all optional. */
	public record Query(String text, Long bodyId, OfficerStatus status, StaffingType staffing) {
	}

	public Page<Officer> search(DataScope scope, Query q, int page, int size) {
		int pageSize = Math.min(Math.max(size, 1), 100);
		Map<String, Object> p = new HashMap<>();
		StringBuilder where = new StringBuilder(" where ").append(scopes.sqlCondition(scope, "o.body_id", p));
		if (q.text() != null && !q.text().isBlank()) {
			where.append(" and (o.name like :t or o.post like :t)");
			p.put("t", "%" + q.text().strip() + "%");
		}
		if (q.bodyId() != null) {
			where.append(" and o.body_id = :bodyId");
			p.put("bodyId", q.bodyId());
		}
		if (q.status() != null) {
			where.append(" and o.status = :status");
			p.put("status", q.status().name());
		}
		if (q.staffing() != null) {
			where.append(" and o.staffing_type = :staffing");
			p.put("staffing", q.staffing().name());
		}
		long total = jdbc.queryForObject("select count(*) from officer o" + where, p, Long.class);
		p.put("limit", pageSize);
		p.put("offset", Math.max(page, 0) * pageSize);
		List<Officer> items = jdbc.query(SELECT + where + " order by b.name, o.name, o.id limit :limit offset :offset", p,
				(rs, i) -> row(rs));
		return new Page<>(items, total, Math.max(page, 0), pageSize);
	}

	public Optional<Officer> find(DataScope scope, long id) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		return jdbc.query(SELECT + " where o.id = :id and " + scopes.sqlCondition(scope, "o.body_id", p), p, (rs, i) -> row(rs)).stream().findFirst();
	}

	public Officer get(DataScope scope, long id) {
		return find(scope, id).orElseThrow(() -> new NotFound("执法人员"));
	}

	/** The full ID number, for the officer's own body only (e.g. a certificate application form). */
	public String idNumber(DataScope scope, long id) {
		get(scope, id);
		String cipher = jdbc.queryForObject("select id_number_cipher from officer where id = :id", Map.of("id", id), String.class);
		return personal.decrypt(cipher);
	}

	@Transactional
	public Officer create(DataScope scope, OfficerForm form, boolean demo) {
		Map<String, String> errors = validate(scope, form, null);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		Instant now = clock.instant();
		String id = form.getIdNumber().strip().toUpperCase();
		long officerId = jdbc.queryForObject("""
				insert into officer (body_id, name, id_number_cipher, id_number_fingerprint, id_number_masked, post, staffing_type,
				  legal_qualification_no, police, police_number, supervision_staff, legal_reviewer, status, demo, created_at, updated_at)
				values (:body, :name, :cipher, :fp, :masked, :post, :staffing, :lq, :police, :pn, :sup, :rev, 'ON_DUTY', :demo, :now, :now)
				returning id""",
				params(form).addValue("cipher", personal.encrypt(id)).addValue("fp", personal.fingerprint(id))
					.addValue("masked", IdNumber.mask(id)).addValue("demo", demo).addValue("now", Timestamp.from(now)),
				Long.class);
		writeDomains(officerId, form.getDomainCodes());
		linkUser(officerId, form);
		jdbc.update("""
				insert into officer_status_change (officer_id, from_status, to_status, effective_date, reason, actor_name, recorded_at)
				values (:id, null, 'ON_DUTY', :day, '录入', :actor, :now)""",
				new MapSqlParameterSource().addValue("id", officerId).addValue("day", LocalDate.now(clock))
					.addValue("actor", zhifa.shared.Operator.current().operatorName()).addValue("now", Timestamp.from(now)));
		Officer officer = get(DataScope.all(), officerId);
		record.append("officer", officerId, officer.bodyId(), "officer.created", "录入执法人员“" + officer.name() + "”",
				snapshot(officer));
		return officer;
	}

	@Transactional
	public Officer update(DataScope scope, long id, OfficerForm form) {
		Officer before = get(scope, id);
		form.setBodyId(before.bodyId());
		Map<String, String> errors = validate(scope, form, id);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		if (form.getStaffing() == StaffingType.AUXILIARY && certificates.hasLiveOrOpen(id)) {
			throw BusinessRuleViolation.onField("staffing", "该人员持有或正在申领执法证件，不能改为辅助人员；请先收回证件或撤回申请");
		}
		MapSqlParameterSource p = params(form).addValue("id", id).addValue("now", Timestamp.from(clock.instant()));
		String idUpdate = "";
		if (form.getIdNumber() != null && !form.getIdNumber().isBlank()) {
			String number = form.getIdNumber().strip().toUpperCase();
			p.addValue("cipher", personal.encrypt(number)).addValue("fp", personal.fingerprint(number)).addValue("masked", IdNumber.mask(number));
			idUpdate = ", id_number_cipher = :cipher, id_number_fingerprint = :fp, id_number_masked = :masked";
		}
		jdbc.update("""
				update officer set name = :name, post = :post, staffing_type = :staffing, legal_qualification_no = :lq,
				  police = :police, police_number = :pn, supervision_staff = :sup, legal_reviewer = :rev, updated_at = :now""" + idUpdate + " where id = :id", p);
		jdbc.update("delete from officer_domain where officer_id = :id", Map.of("id", id));
		writeDomains(id, form.getDomainCodes());
		linkUser(id, form);
		Officer after = get(DataScope.all(), id);
		Map<String, Object> changes = Changes.between(snapshot(before), snapshot(after));
		if (!idUpdate.isEmpty() && !before.idNumberMasked().equals(after.idNumberMasked())) {
			changes.put("idNumber", Map.of("from", before.idNumberMasked(), "to", after.idNumberMasked()));
		}
		if (!changes.isEmpty()) {
			record.append("officer", id, after.bodyId(), "officer.updated", "修改执法人员“" + after.name() + "”", Map.of("changes", changes));
		}
		return after;
	}

	/**
	 * Changes an officer's status. Leaving 在岗 takes the certificate back (收回) in the same transaction and queues a
	 * 注销 application for the provincial certificate system (方案任务4).
	 */
	@Transactional
	public Officer changeStatus(DataScope scope, long id, OfficerStatus to, LocalDate effective, String reason, String documentNumber) {
		Officer officer = get(scope, id);
		if (to == null) {
			throw BusinessRuleViolation.onField("status", "请选择新的人员状态");
		}
		if (to == officer.status()) {
			throw BusinessRuleViolation.onField("status", "人员状态已是“" + to.label() + "”");
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写状态变更原因");
		}
		LocalDate day = effective == null ? LocalDate.now(clock) : effective;
		if (day.isAfter(LocalDate.now(clock))) {
			throw BusinessRuleViolation.onField("effectiveDate", "生效日期不能晚于今天");
		}
		LocalDate last = jdbc.queryForObject("select max(effective_date) from officer_status_change where officer_id = :id",
				Map.of("id", id), LocalDate.class);
		if (last != null && day.isBefore(last)) {
			throw BusinessRuleViolation.onField("effectiveDate", "生效日期不能早于上一次状态变化（" + last + "）");
		}
		jdbc.update("update officer set status = :s, updated_at = now() where id = :id", Map.of("s", to.name(), "id", id));
		jdbc.update("""
				insert into officer_status_change (officer_id, from_status, to_status, effective_date, reason, document_number, actor_name, recorded_at)
				values (:id, :from, :to, :day, :reason, :doc, :actor, now())""",
				new MapSqlParameterSource().addValue("id", id).addValue("from", officer.status().name()).addValue("to", to.name())
					.addValue("day", day).addValue("reason", reason.strip()).addValue("doc", documentNumber)
					.addValue("actor", zhifa.shared.Operator.current().operatorName()));
		Map<String, Object> payload = new TreeMap<>();
		payload.put("from", officer.status().label());
		payload.put("to", to.label());
		payload.put("effectiveDate", day.toString());
		payload.put("reason", reason.strip());
		payload.put("documentNumber", documentNumber == null ? "" : documentNumber);
		record.append("officer", id, officer.bodyId(), "officer.status_changed",
				"执法人员“" + officer.name() + "”状态由“" + officer.status().label() + "”变为“" + to.label() + "”", payload);
		if (to != OfficerStatus.ON_DUTY) {
			certificates.withdrawOnLeaving(id, officer.bodyId(), to, day, reason.strip(), documentNumber);
		}
		return get(DataScope.all(), id);
	}

	/** One change of an officer's status. */
	public record StatusChange(LocalDate effectiveDate, OfficerStatus from, OfficerStatus to, String reason, String documentNumber,
			String actorName) {
	}

	public List<StatusChange> statusHistory(long officerId) {
		return jdbc.query("select * from officer_status_change where officer_id = :id order by effective_date, id", Map.of("id", officerId),
				(rs, i) -> new StatusChange(rs.getDate("effective_date").toLocalDate(),
						rs.getString("from_status") == null ? null : OfficerStatus.valueOf(rs.getString("from_status")),
						OfficerStatus.valueOf(rs.getString("to_status")), rs.getString("reason"), rs.getString("document_number"),
						rs.getString("actor_name")));
	}

	Map<String, String> validate(DataScope scope, OfficerForm f, Long existingId) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.getName() == null || f.getName().isBlank() || f.getName().strip().length() > 50) {
			errors.put("name", "请填写姓名（不超过50个字）");
		}
		if (existingId == null || (f.getIdNumber() != null && !f.getIdNumber().isBlank())) {
			String number = f.getIdNumber() == null ? null : f.getIdNumber().strip().toUpperCase();
			IdNumber.problem(number).ifPresent(p -> errors.put("idNumber", p));
			if (!errors.containsKey("idNumber")) {
				List<String> owner = jdbc.queryForList(
						"select b.name from officer o join body_view b on b.id = o.body_id where o.id_number_fingerprint = :fp and o.id <> :id",
						Map.of("fp", personal.fingerprint(number), "id", existingId == null ? -1 : existingId), String.class);
				if (!owner.isEmpty()) {
					errors.put("idNumber", "该身份证号已登记在“" + owner.get(0) + "”");
				}
			}
		}
		if (f.getBodyId() == null) {
			errors.put("bodyId", "请选择所属单位");
		}
		else {
			var facts = directory.facts(f.getBodyId());
			if (facts.isEmpty() || !facts.get().active()) {
				errors.put("bodyId", "所选单位不存在或已停用");
			}
			else if (!scopes.covers(scope, f.getBodyId())) {
				errors.put("bodyId", "只能管理本单位的执法人员");
			}
		}
		if (f.getPost() == null || f.getPost().isBlank() || f.getPost().strip().length() > 100) {
			errors.put("post", "请填写岗位（不超过100个字）");
		}
		if (f.getStaffing() == null) {
			errors.put("staffing", "请选择人员性质");
		}
		else if (f.getStaffing() == StaffingType.AUXILIARY && (f.isSupervisionStaff() || f.isLegalReviewer())) {
			errors.put("staffing", "辅助人员不能担任执法监督人员或法制审核人员");
		}
		String pn = policeNumber(f);
		if (pn != null) {
			if (!f.isPolice()) {
				errors.put("policeNumber", "只有人民警察填写人民警察证号（警号）");
			}
			else if (!pn.matches("[0-9A-Z]{4,20}")) {
				errors.put("policeNumber", "人民警察证号（警号）应为4至20位数字或大写字母");
			}
			else {
				List<String> holder = jdbc.queryForList("select o.name || '（' || b.name || '）' from officer o join body_view b on b.id = o.body_id"
						+ " where o.police_number = :pn and o.id <> :id", Map.of("pn", pn, "id", existingId == null ? -1 : existingId), String.class);
				if (!holder.isEmpty()) {
					errors.put("policeNumber", "人民警察证号“" + pn + "”已登记为" + holder.get(0));
				}
			}
		}
		if (f.getLegalQualificationNo() != null && f.getLegalQualificationNo().strip().length() > 50) {
			errors.put("legalQualificationNo", "法律职业资格证书编号不能超过50个字");
		}
		for (String code : f.getDomainCodes()) {
			if (!domains.exists(code)) {
				errors.put("domainCodes", "执法领域代码“" + code + "”不存在");
			}
		}
		return errors;
	}

	/** Links the officer to a platform account of the same body (to sit exams); an empty name removes the link. */
	private void linkUser(long officerId, OfficerForm f) {
		if (f.getUsername() == null || f.getUsername().isBlank()) {
			jdbc.update("update officer set user_id = null where id = :id", Map.of("id", officerId));
			return;
		}
		var users = jdbc.queryForList("select id, body_id from account_view where lower(username) = lower(:u)", Map.of("u", f.getUsername().strip()));
		if (users.isEmpty() || !f.getBodyId().equals(users.get(0).get("body_id") == null ? null : ((Number) users.get(0).get("body_id")).longValue())) {
			throw BusinessRuleViolation.onField("username", "本单位没有账号“" + f.getUsername().strip() + "”");
		}
		long userId = ((Number) users.get(0).get("id")).longValue();
		var other = jdbc.queryForList("select name from officer where user_id = :u and id <> :id", Map.of("u", userId, "id", officerId), String.class);
		if (!other.isEmpty()) {
			throw BusinessRuleViolation.onField("username", "账号“" + f.getUsername().strip() + "”已关联执法人员“" + other.get(0) + "”");
		}
		jdbc.update("update officer set user_id = :u where id = :id", Map.of("u", userId, "id", officerId));
	}

	/** The 警号 as entered, upper-cased, or null when blank. */
	private static String policeNumber(OfficerForm f) {
		return f.getPoliceNumber() == null || f.getPoliceNumber().isBlank() ? null : f.getPoliceNumber().strip().toUpperCase(java.util.Locale.ROOT);
	}

	/** The police officer holding a 人民警察证号（警号）, in any body (the exchange checks reported acts against it). */
	public Optional<Officer> policeByNumber(String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		return jdbc.query(SELECT + " where o.police and o.police_number = :pn", Map.of("pn", number.strip().toUpperCase(java.util.Locale.ROOT)),
				(rs, i) -> row(rs)).stream().findFirst();
	}

	private static MapSqlParameterSource params(OfficerForm f) {
		return new MapSqlParameterSource().addValue("body", f.getBodyId())
			.addValue("name", f.getName().strip())
			.addValue("post", f.getPost().strip())
			.addValue("staffing", f.getStaffing().name())
			.addValue("lq", f.getLegalQualificationNo() == null || f.getLegalQualificationNo().isBlank() ? null : f.getLegalQualificationNo().strip())
			.addValue("police", f.isPolice())
			.addValue("pn", policeNumber(f))
			.addValue("sup", f.isSupervisionStaff())
			.addValue("rev", f.isLegalReviewer());
	}

	private void writeDomains(long id, List<String> codes) {
		jdbc.batchUpdate("insert into officer_domain (officer_id, domain_code) values (:o, :d)",
				codes.stream().filter(c -> c != null && !c.isBlank()).distinct()
					.map(c -> new MapSqlParameterSource().addValue("o", id).addValue("d", c))
					.toArray(MapSqlParameterSource[]::new));
	}

	static Map<String, Object> snapshot(Officer o) {
		Map<String, Object> m = new TreeMap<>();
		m.put("name", o.name());
		m.put("idNumber", o.idNumberMasked());
		m.put("body", o.bodyName());
		m.put("post", o.post());
		m.put("staffing", o.staffing().label());
		m.put("legalQualificationNo", o.legalQualificationNo() == null ? "" : o.legalQualificationNo());
		m.put("police", o.police());
		m.put("policeNumber", o.policeNumber() == null ? "" : o.policeNumber());
		m.put("supervisionStaff", o.supervisionStaff());
		m.put("legalReviewer", o.legalReviewer());
		m.put("domains", String.join(",", o.domainCodes()));
		m.put("username", o.username() == null ? "" : o.username());
		return m;
	}

	static Officer row(java.sql.ResultSet rs) throws java.sql.SQLException {
		String domainList = rs.getString("domains");
		return new Officer(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getString("name"),
				rs.getString("id_number_masked"), rs.getString("post"), StaffingType.valueOf(rs.getString("staffing_type")),
				rs.getString("legal_qualification_no"), rs.getBoolean("police"), rs.getBoolean("supervision_staff"),
				rs.getBoolean("legal_reviewer"), OfficerStatus.valueOf(rs.getString("status")),
				domainList == null ? List.of() : List.of(domainList.split(",")), rs.getString("username"), rs.getBoolean("demo"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getString("police_number"));
	}
}

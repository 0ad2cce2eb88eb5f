package zhifa.officer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import zhifa.organization.Domains;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 执法证件 lifecycle: 申领 → 审核 → 有效 ⇄ 暂扣 → 收回 | 注销 | 吊销 | 过期. Every change carries a reason, a document
 * number and the actor, is kept as a certificate event and written to the full-process record. At most one live
 * certificate per officer (also a database constraint).
 */
@Service
public class Certificates {

	private static final Logger log = LoggerFactory.getLogger(Certificates.class);
	/** Warn this many months before a certificate expires (RULES.md §3). */
	public static final int WARNING_MONTHS = 6;
	public static final String PROVINCIAL_SYSTEM = "云南省行政执法证件管理系统";

	static final String SELECT = """
			select c.*, o.name as officer_name, o.body_id, b.name as body_name,
			  (select string_agg(d.domain_code, ',' order by d.domain_code) from certificate_domain d where d.certificate_id = c.id) as domains
			from certificate c join officer o on o.id = c.officer_id join body_view b on b.id = o.body_id
			""";

	private final NamedParameterJdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final Domains domains;
	private final FullProcessRecord record;
	private final Exams exams;
	private final Clock clock;

	Certificates(NamedParameterJdbcTemplate jdbc, BodyScopes scopes, Domains domains, FullProcessRecord record, Exams exams,
			Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.domains = domains;
		this.record = record;
		this.exams = exams;
		this.clock = clock;
	}

	/** An application for a certificate (申领) by the officer's body. */
	public record Application(long officerId, List<String> domainCodes, String provinceCode, String issuingAuthority) {
	}

	/** A status change: effective date (default today), reason and the document that decided it. */
	public record Change(String reason, String documentNumber, LocalDate effectiveDate) {
	}

	/** Issue data (审核通过 or registering a certificate issued before the platform existed). */
	public record Issue(String number, LocalDate validFrom, LocalDate validTo, String documentNumber) {
	}

	// ---- reading

	public List<Certificate> ofOfficer(long officerId) {
		return jdbc.query(SELECT + " where c.officer_id = :id order by c.id desc", Map.of("id", officerId), (rs, i) -> row(rs));
	}

	public Optional<Certificate> find(DataScope scope, long id) {
		return jdbc.query(SELECT + " where c.id = :id", Map.of("id", id), (rs, i) -> row(rs)).stream()
			.filter(c -> scopes.covers(scope, c.bodyId()))
			.findFirst();
	}

	public Certificate get(DataScope scope, long id) {
		return find(scope, id).orElseThrow(() -> new NotFound("执法证件"));
	}

	public Optional<Certificate> byNumber(String number) {
		return jdbc.query(SELECT + " where c.number = :n", Map.of("n", number.strip()), (rs, i) -> row(rs)).stream().findFirst();
	}

	/**
	 * The certificate's status at the end of the day by its history (empty before it was issued): a past act is judged
	 * by the facts of its day, not by today's status. The validity dates are the caller's to compare.
	 */
	public Optional<CertificateStatus> statusOn(long certificateId, LocalDate day) {
		return Optional.ofNullable(AuthorityPolicy.statusOn(
				events(certificateId).stream().map(e -> new AuthorityPolicy.Change<>(e.effectiveDate(), e.to())).toList(), day));
	}

	/** One change of a certificate's status, with its reason and document. */
	public record Event(LocalDate effectiveDate, CertificateStatus from, CertificateStatus to, String reason, String documentNumber,
			String actorName) {
	}

	public List<Event> events(long certificateId) {
		return jdbc.query("select * from certificate_event where certificate_id = :id order by effective_date, id", Map.of("id", certificateId),
				(rs, i) -> new Event(rs.getDate("effective_date").toLocalDate(),
						rs.getString("from_status") == null ? null : CertificateStatus.valueOf(rs.getString("from_status")),
						CertificateStatus.valueOf(rs.getString("to_status")), rs.getString("reason"), rs.getString("document_number"),
						rs.getString("actor_name")));
	}

	/** Valid certificates expiring within {@link #WARNING_MONTHS} months, soonest first. */
	public List<Certificate> expiringSoon(DataScope scope) {
		LocalDate today = LocalDate.now(clock);
		Map<String, Object> p = new HashMap<>();
		p.put("today", today);
		p.put("limit", today.plusMonths(WARNING_MONTHS));
		return jdbc.query(SELECT + " where c.status = 'VALID' and c.valid_to >= :today and c.valid_to <= :limit and "
				+ scopes.sqlCondition(scope, "o.body_id", p) + " order by c.valid_to", p, (rs, i) -> row(rs));
	}

	/** Applications waiting for the issuing authority (申领、审核中). */
	public List<Certificate> pending(DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		return jdbc.query(SELECT + " where c.status in ('APPLIED', 'UNDER_REVIEW') and " + scopes.sqlCondition(scope, "o.body_id", p)
				+ " order by c.created_at", p, (rs, i) -> row(rs));
	}

	boolean hasLiveOrOpen(long officerId) {
		return jdbc.queryForObject("select count(*) from certificate where officer_id = :id and status in ('VALID','SUSPENDED','APPLIED','UNDER_REVIEW')",
				Map.of("id", officerId), Integer.class) > 0;
	}

	// ---- number rules

	public record NumberRule(String provinceCode, String provinceName, String pattern, String example, String note) {
	}

	public List<NumberRule> numberRules() {
		return jdbc.query("select * from certificate_number_rule order by province_code", Map.of(),
				(rs, i) -> new NumberRule(rs.getString("province_code"), rs.getString("province_name"), rs.getString("pattern"),
						rs.getString("example"), rs.getString("note")));
	}

	@Transactional
	public void saveNumberRule(NumberRule rule) {
		if (rule.provinceCode() == null || !rule.provinceCode().matches("[1-9][0-9]")) {
			throw BusinessRuleViolation.onField("provinceCode", "省份代码应为2位数字，如云南省为53");
		}
		try {
			Pattern p = Pattern.compile(rule.pattern());
			if (rule.example() == null || !p.matcher(rule.example()).matches()) {
				throw BusinessRuleViolation.onField("example", "示例证件号与格式规则不符");
			}
		}
		catch (PatternSyntaxException | NullPointerException e) {
			throw BusinessRuleViolation.onField("pattern", "格式规则不是有效的正则表达式");
		}
		jdbc.update("""
				insert into certificate_number_rule (province_code, province_name, pattern, example, note)
				values (:c, :n, :p, :e, :note) on conflict (province_code) do update
				set province_name = excluded.province_name, pattern = excluded.pattern, example = excluded.example, note = excluded.note""",
				new MapSqlParameterSource().addValue("c", rule.provinceCode()).addValue("n", rule.provinceName())
					.addValue("p", rule.pattern()).addValue("e", rule.example()).addValue("note", rule.note() == null ? "" : rule.note()));
		record.append("certificate_number_rule", rule.provinceCode(), null, "certificate.number_rule_saved",
				"设置" + rule.provinceName() + "执法证件号格式规则", Map.of("pattern", rule.pattern(), "example", rule.example()));
	}

	private void checkNumber(String provinceCode, String number) {
		if (number == null || number.isBlank()) {
			throw BusinessRuleViolation.onField("number", "请填写证件号");
		}
		List<String> patterns = jdbc.queryForList("select pattern from certificate_number_rule where province_code = :p",
				Map.of("p", provinceCode), String.class);
		if (patterns.isEmpty()) {
			throw BusinessRuleViolation.onField("provinceCode", "发证省份 " + provinceCode + " 尚未设置证件号格式规则");
		}
		if (!Pattern.compile(patterns.get(0)).matcher(number.strip()).matches()) {
			throw BusinessRuleViolation.onField("number", "证件号“" + number.strip() + "”不符合该省的证件号格式（" + patterns.get(0) + "）");
		}
		if (jdbc.queryForObject("select count(*) from certificate where number = :n", Map.of("n", number.strip()), Integer.class) > 0) {
			throw BusinessRuleViolation.onField("number", "证件号“" + number.strip() + "”已被使用");
		}
	}

	// ---- lifecycle

	/** The certificate each officer holds (有效 or 暂扣), for a list page's officers. */
	public Map<Long, Certificate> held(java.util.Collection<Long> officerIds) {
		if (officerIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Certificate> out = new HashMap<>();
		jdbc.query(SELECT + " where c.officer_id in (:ids) and c.status in ('VALID','SUSPENDED')", Map.of("ids", officerIds), (rs, i) -> row(rs))
			.forEach(c -> out.put(c.officerId(), c));
		return out;
	}

	@Transactional
	public Certificate apply(DataScope scope, Application a) {
		Officer officer = officer(scope, a.officerId());
		if (officer.staffing() == StaffingType.AUXILIARY) {
			throw new BusinessRuleViolation("辅助人员不能申领行政执法证件（国办发〔2024〕54号）");
		}
		if (officer.status() != OfficerStatus.ON_DUTY) {
			throw new BusinessRuleViolation("只有在岗人员可以申领执法证件，该人员状态为“" + officer.status().label() + "”");
		}
		if (officer.police()) {
			throw new BusinessRuleViolation("人民警察使用人民警察证执法，其证件不在本平台管理");
		}
		if (a.domainCodes() == null || a.domainCodes().isEmpty()) {
			throw BusinessRuleViolation.onField("domainCodes", "请选择证件的执法领域");
		}
		a.domainCodes().forEach(code -> {
			if (!domains.exists(code)) {
				throw BusinessRuleViolation.onField("domainCodes", "执法领域代码“" + code + "”不存在");
			}
		});
		List<String> qualified = exams.qualifiedDomains(officer.id());
		List<String> missing = a.domainCodes().stream().filter(d -> !qualified.contains(d)).toList();
		if (!missing.isEmpty()) {
			String names = String.join("、", missing.stream().map(d -> domains.byCodeOrName(d).map(Domains.Domain::name).orElse(d)).toList());
			throw BusinessRuleViolation.onField("domainCodes", "该人员尚未通过“" + names + "”领域的执法资格考试（公共法律知识和专业法律知识均须合格），不能申领该领域的证件");
		}
		if (a.issuingAuthority() == null || a.issuingAuthority().isBlank()) {
			throw BusinessRuleViolation.onField("issuingAuthority", "请填写发证机关");
		}
		if (jdbc.queryForObject("select count(*) from certificate where officer_id = :o and status in ('APPLIED','UNDER_REVIEW')",
				Map.of("o", officer.id()), Integer.class) > 0) {
			throw new BusinessRuleViolation("该人员已有一份尚未办结的证件申请");
		}
		// one certificate per officer: a new one is applied for only to replace one about to expire (换证, the old one is
		// cancelled when the new one is issued); another domain is added by that new certificate
		live(officer.id()).ifPresent(held -> {
			if (held.status() == CertificateStatus.SUSPENDED) {
				throw new BusinessRuleViolation("该人员的执法证件 " + held.number() + " 正在暂扣中，暂扣期间不能申领新证件");
			}
			if (held.validTo() != null && held.validTo().isAfter(LocalDate.now(clock).plusMonths(RENEWAL_MONTHS))) {
				throw new BusinessRuleViolation("该人员已持有有效的执法证件 " + held.number() + "（有效期至 " + held.validTo() + "），每人只能持有一个证件："
						+ "证件到期前" + RENEWAL_MONTHS + "个月内可申领换证（可同时增加执法领域）；需要提前增加领域的，请先办理原证件的注销");
			}
		});
		String province = a.provinceCode() == null || a.provinceCode().isBlank() ? "53" : a.provinceCode();
		long id = insert(officer.id(), null, province, a.issuingAuthority().strip(), CertificateStatus.APPLIED, null, null, false);
		writeDomains(id, a.domainCodes());
		event(id, null, CertificateStatus.APPLIED, LocalDate.now(clock), "申领", null);
		record.append("certificate", id, officer.bodyId(), "certificate.applied", "为“" + officer.name() + "”申领执法证件",
				Map.of("domains", String.join(",", a.domainCodes()), "issuingAuthority", a.issuingAuthority().strip()));
		return get(DataScope.all(), id);
	}

	@Transactional
	public Certificate startReview(DataScope scope, long id) {
		return transition(scope, id, CertificateStatus.UNDER_REVIEW, new Change("受理审核", null, null));
	}

	@Transactional
	public Certificate approve(DataScope scope, long id, Issue issue) {
		Certificate c = get(scope, id);
		requireTransition(c, CertificateStatus.VALID);
		validateIssue(c.provinceCode(), issue);
		// 换证: the certificate held is cancelled as the new one is issued (one per officer); a suspended one is not replaced
		var held = live(c.officerId());
		if (held.isPresent() && held.get().status() == CertificateStatus.SUSPENDED) {
			throw new BusinessRuleViolation("该人员的执法证件 " + held.get().number() + " 正在暂扣中，不能换发新证件：请待暂扣结束后再审核，或不予发证");
		}
		// the old one is cancelled as of the day the new one takes effect, not before: an officer renewed ahead of time is not
		// left without a valid certificate between the approval and the new one's first day
		LocalDate handOver = issue.validFrom().isAfter(LocalDate.now(clock)) ? issue.validFrom() : null;
		held.ifPresent(old -> transition(DataScope.all(), old.id(), CertificateStatus.CANCELLED,
				new Change("换发新证件 " + issue.number().strip() + "，原证件" + (handOver == null ? "" : "自 " + handOver + " 起") + "注销", issue.documentNumber(),
						handOver)));
		jdbc.update("update certificate set number = :n, valid_from = :f, valid_to = :t, updated_at = now() where id = :id",
				new MapSqlParameterSource().addValue("n", issue.number().strip()).addValue("f", issue.validFrom())
					.addValue("t", issue.validTo()).addValue("id", id));
		return transition(scope, id, CertificateStatus.VALID,
				new Change("审核通过，发放证件 " + issue.number().strip() + "（有效期 " + issue.validFrom() + " 至 " + issue.validTo() + "）",
						issue.documentNumber(), null));
	}

	/** Registers a certificate issued before the platform (历史证件登记), valid from its own dates. */
	@Transactional
	public Certificate registerExisting(DataScope scope, long officerId, List<String> domainCodes, String provinceCode,
			String issuingAuthority, Issue issue, boolean demo) {
		Officer officer = officer(scope, officerId);
		if (officer.staffing() == StaffingType.AUXILIARY) {
			throw new BusinessRuleViolation("辅助人员不能持有行政执法证件（国办发〔2024〕54号）");
		}
		if (jdbc.queryForObject("select count(*) from certificate where officer_id = :o and status in ('VALID','SUSPENDED')",
				Map.of("o", officerId), Integer.class) > 0) {
			throw new BusinessRuleViolation("该人员已持有有效（或暂扣中）的执法证件，每人只能持有一个");
		}
		if (domainCodes == null || domainCodes.isEmpty()) {
			throw BusinessRuleViolation.onField("domainCodes", "请选择证件的执法领域");
		}
		String province = provinceCode == null || provinceCode.isBlank() ? "53" : provinceCode;
		validateIssue(province, issue);
		long id = insert(officerId, issue.number().strip(), province, issuingAuthority, CertificateStatus.VALID, issue.validFrom(),
				issue.validTo(), demo);
		writeDomains(id, domainCodes);
		event(id, null, CertificateStatus.VALID, issue.validFrom(), "登记已发放的证件", issue.documentNumber());
		record.append("certificate", id, officer.bodyId(), "certificate.registered",
				"登记“" + officer.name() + "”已发放的执法证件 " + issue.number().strip(),
				Map.of("number", issue.number().strip(), "validFrom", issue.validFrom().toString(), "validTo", issue.validTo().toString(),
						"domains", String.join(",", domainCodes)));
		return get(DataScope.all(), id);
	}

	@Transactional
	public Certificate change(DataScope scope, long id, CertificateStatus to, Change change) {
		if (to == CertificateStatus.VALID) {
			Certificate c = get(scope, id);
			if (c.status() != CertificateStatus.SUSPENDED) {
				throw new BusinessRuleViolation("发证请使用“审核通过”");
			}
			Officer officer = officer(DataScope.all(), c.officerId());
			if (officer.status() != OfficerStatus.ON_DUTY) {
				throw new BusinessRuleViolation("人员已不在岗，不能恢复证件");
			}
		}
		if (change.reason() == null || change.reason().isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写原因");
		}
		if (to != CertificateStatus.REJECTED && to != CertificateStatus.UNDER_REVIEW
				&& (change.documentNumber() == null || change.documentNumber().isBlank())) {
			throw BusinessRuleViolation.onField("documentNumber", "请填写决定文书的文号");
		}
		return transition(scope, id, to, change);
	}

	/** 收回 on leaving the post, and a 注销 application queued for the provincial system; an open application is closed. */
	@Transactional
	void withdrawOnLeaving(long officerId, long bodyId, OfficerStatus status, LocalDate day, String reason, String doc) {
		for (Certificate c : ofOfficer(officerId)) {
			if (c.status().live()) {
				String why = "人员" + status.label() + "：" + reason;
				transition(DataScope.all(), c.id(), CertificateStatus.WITHDRAWN, new Change(why, doc, day));
				jdbc.update("""
						insert into certificate_cancellation_request (certificate_id, officer_id, reason, target_system, status, created_at)
						values (:c, :o, :r, :t, 'PENDING', now())""",
						new MapSqlParameterSource().addValue("c", c.id()).addValue("o", officerId).addValue("r", why).addValue("t", PROVINCIAL_SYSTEM));
				record.append("certificate", c.id(), bodyId, "certificate.cancellation_queued",
						"向" + PROVINCIAL_SYSTEM + "提交证件 " + c.number() + " 的注销申请（待推送）", Map.of("reason", why));
			}
			else if (c.status() == CertificateStatus.APPLIED || c.status() == CertificateStatus.UNDER_REVIEW) {
				transition(DataScope.all(), c.id(), CertificateStatus.REJECTED, new Change("人员" + status.label() + "，申请终止", doc, day));
			}
		}
	}

	/** 过期: every night, live certificates past their validity become expired. */
	@Scheduled(cron = "0 10 0 * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "certificate-expiry")
	public void scheduledExpiry() {
		int n = expireDue();
		if (n > 0) {
			log.info("Marked {} certificate(s) as expired", n);
		}
	}

	@Transactional
	public int expireDue() {
		LocalDate today = LocalDate.now(clock);
		List<Long> ids = jdbc.queryForList("select id from certificate where status in ('VALID','SUSPENDED') and valid_to < :d",
				Map.of("d", today), Long.class);
		for (long id : ids) {
			Certificate c = get(DataScope.all(), id);
			transition(DataScope.all(), id, CertificateStatus.EXPIRED, new Change("有效期届满（" + c.validTo() + "）", null, c.validTo().plusDays(1)));
		}
		return ids.size();
	}

	private Certificate transition(DataScope scope, long id, CertificateStatus to, Change change) {
		Certificate c = get(scope, id);
		requireTransition(c, to);
		LocalDate day = change.effectiveDate() == null ? LocalDate.now(clock) : change.effectiveDate();
		jdbc.update("update certificate set status = :s, updated_at = now() where id = :id", Map.of("s", to.name(), "id", id));
		event(id, c.status(), to, day, change.reason().strip(), change.documentNumber());
		Map<String, Object> payload = new TreeMap<>();
		payload.put("from", c.status().label());
		payload.put("to", to.label());
		payload.put("reason", change.reason().strip());
		payload.put("documentNumber", change.documentNumber() == null ? "" : change.documentNumber());
		payload.put("effectiveDate", day.toString());
		record.append("certificate", id, c.bodyId(), "certificate." + to.name().toLowerCase(),
				"“" + c.officerName() + "”的执法证件" + (c.number() == null ? "" : " " + c.number()) + "：" + c.status().label() + " → " + to.label(),
				payload);
		return get(DataScope.all(), id);
	}

	/** A certificate may be renewed (换证) this many months before it expires. */
	static final int RENEWAL_MONTHS = 6;

	/** The certificate the officer holds (有效 or 暂扣), if any. */
	private java.util.Optional<Certificate> live(long officerId) {
		return jdbc.queryForList("select id from certificate where officer_id = :o and status in ('VALID','SUSPENDED')", Map.of("o", officerId), Long.class)
			.stream().findFirst().map(id -> get(DataScope.all(), id));
	}

	private static void requireTransition(Certificate c, CertificateStatus to) {
		if (!c.status().canBecome(to)) {
			throw new BusinessRuleViolation("证件当前状态为“" + c.status().label() + "”，不能变为“" + to.label() + "”");
		}
	}

	private void validateIssue(String provinceCode, Issue issue) {
		checkNumber(provinceCode, issue.number());
		if (issue.validFrom() == null || issue.validTo() == null) {
			throw BusinessRuleViolation.onField("validTo", "请填写有效期起止日期");
		}
		if (!issue.validTo().isAfter(issue.validFrom())) {
			throw BusinessRuleViolation.onField("validTo", "有效期截止日期应晚于起始日期");
		}
	}

	private Officer officer(DataScope scope, long officerId) {
		return jdbc.query(Officers.SELECT + " where o.id = :id", Map.of("id", officerId), (rs, i) -> Officers.row(rs)).stream()
			.filter(o -> scopes.covers(scope, o.bodyId()))
			.findFirst()
			.orElseThrow(() -> new NotFound("执法人员"));
	}

	private long insert(long officerId, String number, String province, String authority, CertificateStatus status,
			LocalDate from, LocalDate to, boolean demo) {
		return jdbc.queryForObject("""
				insert into certificate (officer_id, number, province_code, issuing_authority, status, valid_from, valid_to, demo, created_at, updated_at)
				values (:o, :n, :p, :a, :s, :f, :t, :demo, now(), now()) returning id""",
				new MapSqlParameterSource().addValue("o", officerId).addValue("n", number).addValue("p", province)
					.addValue("a", authority).addValue("s", status.name()).addValue("f", from).addValue("t", to).addValue("demo", demo),
				Long.class);
	}

	private void writeDomains(long id, List<String> codes) {
		jdbc.batchUpdate("insert into certificate_domain (certificate_id, domain_code) values (:c, :d)",
				codes.stream().distinct().map(c -> new MapSqlParameterSource().addValue("c", id).addValue("d", c))
					.toArray(MapSqlParameterSource[]::new));
	}

	private void event(long id, CertificateStatus from, CertificateStatus to, LocalDate day, String reason, String doc) {
		jdbc.update("""
				insert into certificate_event (certificate_id, from_status, to_status, effective_date, reason, document_number, actor_name, recorded_at)
				values (:c, :f, :t, :d, :r, :doc, :a, :now)""",
				new MapSqlParameterSource().addValue("c", id).addValue("f", from == null ? null : from.name()).addValue("t", to.name())
					.addValue("d", day).addValue("r", reason).addValue("doc", doc == null || doc.isBlank() ? null : doc.strip())
					.addValue("a", Operator.current().operatorName()).addValue("now", Timestamp.from(clock.instant())));
	}

	static Certificate row(java.sql.ResultSet rs) throws java.sql.SQLException {
		String domainList = rs.getString("domains");
		java.sql.Date from = rs.getDate("valid_from");
		java.sql.Date to = rs.getDate("valid_to");
		return new Certificate(rs.getLong("id"), rs.getLong("officer_id"), rs.getString("officer_name"), rs.getLong("body_id"),
				rs.getString("body_name"), rs.getString("number"), rs.getString("province_code"), rs.getString("issuing_authority"),
				CertificateStatus.valueOf(rs.getString("status")), from == null ? null : from.toLocalDate(),
				to == null ? null : to.toLocalDate(), domainList == null ? List.of() : List.of(domainList.split(",")), rs.getBoolean("demo"));
	}
}

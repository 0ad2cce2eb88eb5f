package zhifa.officer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.organization.Domains;
import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;

/**
 * An officer's way from the exam to a usable certificate, as the people on it are told: what comes next for him, whom his
 * unit administrator has to apply for, and whether he may enforce at all today. Reads only; the steps themselves are
 * {@link Exams} and {@link Certificates}.
 */
@Service
public class Qualifications {

	private final NamedParameterJdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final Domains domains;
	private final Exams exams;
	private final Certificates certificates;
	private final Officers officers;
	private final Clock clock;
	private final OfficerAuthority authority;

	Qualifications(NamedParameterJdbcTemplate jdbc, BodyScopes scopes, Domains domains, Exams exams, Certificates certificates, Officers officers,
			Clock clock, OfficerAuthority authority) {
		this.authority = authority;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.domains = domains;
		this.exams = exams;
		this.certificates = certificates;
		this.officers = officers;
		this.clock = clock;
	}

	/**
	 * What comes next for an officer without a usable certificate, once he has passed: his application on its way, or — none
	 * yet — that his unit's administrator is to apply for it. Empty when he holds a usable one or has not qualified.
	 */
	public Optional<String> nextStep(long officerId) {
		LocalDate today = LocalDate.now(clock);
		List<Certificate> held = certificates.ofOfficer(officerId);
		// a usable one, or a live one he may not use now (暂扣, not yet in force): nothing to apply for
		if (held.stream().anyMatch(c -> c.usableOn(today) || c.status().live())) {
			return Optional.empty();
		}
		var pending = held.stream().filter(c -> c.status() == CertificateStatus.APPLIED || c.status() == CertificateStatus.UNDER_REVIEW).findFirst();
		if (pending.isPresent()) {
			return Optional.of("执法证件申领中（" + pending.get().status().label() + "），由发证机关" + pending.get().issuingAuthority() + "审核发证；发证前不得独立从事执法活动");
		}
		List<String> qualified = exams.qualifiedDomains(officerId);
		if (qualified.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("已通过" + String.join("、", qualified.stream().map(d -> domains.byCodeOrName(d).map(Domains.Domain::name).orElse(d)).toList())
				+ "领域的执法资格考试；下一步由本单位的单位管理员为您申领行政执法证件，经发证机关审核发证后方可执法");
	}

	/**
	 * Whether the account belongs to an officer who may not enforce at all today (no usable certificate; a police officer
	 * uses his police card): his home page does not offer him what only a certified officer may do.
	 */
	public boolean uncertifiedUser(long userId) {
		List<Map<String, Object>> o = jdbc.queryForList("select id, police from officer where user_id = :u", Map.of("u", userId));
		if (o.isEmpty() || Boolean.TRUE.equals(o.get(0).get("police"))) {
			return false;
		}
		// the one check of an officer's authority, for no domain in particular ("": none is covered), as the 当场处罚 form asks
		return !authority.check(((Number) o.get(0).get("id")).longValue(), "", LocalDate.now(clock)).enforcesSomewhere();
	}

	/**
	 * Officers of the scope who passed the exams and wait for nobody: no usable certificate and no application on its way —
	 * for the unit administrator, who applies for them.
	 */
	public List<Officer> qualifiedWithoutApplication(DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		List<Long> ids = jdbc.queryForList("""
				select o.id from officer o where o.status = 'ON_DUTY' and not o.police and o.staffing_type <> 'AUXILIARY' and %s
				and exists (select 1 from exam_paper x join exam e on e.id = x.exam_id where x.officer_id = o.id and x.submitted_at is not null
				            and e.professional_count > 0 and x.professional_score >= e.pass_mark)
				and not exists (select 1 from certificate c where c.officer_id = o.id and c.status in ('VALID', 'SUSPENDED', 'APPLIED', 'UNDER_REVIEW'))
				order by o.name limit 200""".formatted(scopes.sqlCondition(scope, "o.body_id", p)), p, Long.class);
		// the query left out anyone holding or applying for a certificate; the exams decide the rest (both parts passed)
		return ids.stream().filter(id -> !exams.qualifiedDomains(id).isEmpty()).map(id -> officers.find(DataScope.all(), id).orElseThrow()).toList();
	}
}

package zhifa.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import zhifa.casework.persistence.OfficerLookups;
import zhifa.officer.AuthorityDecision;
import zhifa.officer.OfficerAuthority;
import zhifa.shared.NotFound;

/**
 * The officers on a case under the two-officer rule (行政处罚法第四十二条, 行政强制法第十八条第（二）项): at least two people
 * holding distinct valid 执法证件 whose domain covers the case's matter on the day, all of the case's own body.
 */
@Service
public class CaseOfficers {

	private final OfficerLookups officers;
	private final OfficerAuthority authority;
	private final Cases cases;
	private final Clock clock;

	CaseOfficers(OfficerLookups officers, OfficerAuthority authority, Cases cases, Clock clock) {
		this.officers = officers;
		this.authority = authority;
		this.cases = cases;
		this.clock = clock;
	}

	/** Proposed officers as the rule sees them: the authority of each of the body's own, and the names of other bodies' officers. */
	public record Candidates(List<AuthorityDecision> own, List<String> others) {

		/** Distinct valid certificates among them. */
		public int valid() {
			return validCertificates(own);
		}
	}

	public Candidates candidates(long bodyId, String domainCode, Collection<Long> officerIds, LocalDate day) {
		List<AuthorityDecision> own = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (Long id : new LinkedHashSet<>(officerIds == null ? List.<Long>of() : officerIds)) {
			OfficerLookups.OfficerRow o = officers.officer(id).orElseThrow(() -> new NotFound("执法人员"));
			if (o.bodyId() != bodyId) {
				others.add(o.name());
				continue;
			}
			own.add(authority.check(id, domainCode, day));
		}
		return new Candidates(own, others);
	}

	/** Whether the officer investigated the case: one of its officers now or before (行政处罚法第六十四条第（四）项 asks who did not). */
	public boolean investigated(CaseFile c, long officerId) {
		return c.officerIds().contains(officerId) || officers.everOnCase(c.id(), officerId);
	}

	/** 行政处罚法第四十二条: officers are counted by distinct valid certificates. */
	public static int validCertificates(Collection<AuthorityDecision> decisions) {
		Set<String> certificates = new HashSet<>();
		decisions.stream().filter(AuthorityDecision::allowed).forEach(d -> certificates.add(d.certificateNumber()));
		return certificates.size();
	}

	/** Distinct valid certificates among the officers on the case today. */
	public int validOnCase(CaseFile c) {
		LocalDate today = LocalDate.now(clock);
		return validCertificates(c.officers().stream().map(o -> authority.check(o.officerId(), c.domainCode(), today)).toList());
	}

	/**
	 * Who carried out an act on case {@code c} that two or more officers must carry out, each showing his certificate
	 * ({@code what}, under {@code article}: a 查封、扣押, 行政强制法第十八条第（二）项; a 先行登记保存, 行政处罚法第四十二条),
	 * by id with his name, checked on the day it was done ({@code day}): those named, every one of the body and allowed to
	 * act on the case's matter that day; none named, the case's officers who were. Refused on the field {@code officerIds}
	 * (one named who may not; an unknown id, a null, more than twenty) or as a rule (fewer than two distinct valid
	 * certificates, naming those who could not and why).
	 */
	public java.util.Map<Long, String> carriedOutBy(CaseFile c, List<Long> named, LocalDate day, String what, String article) {
		boolean chosen = named != null && !named.isEmpty();
		if (chosen && (named.size() > 20 || named.stream().anyMatch(java.util.Objects::isNull))) {
			throw zhifa.shared.BusinessRuleViolation.onField("officerIds", "请选择实施的执法人员（不超过20名）");
		}
		Candidates k;
		try {
			k = candidates(c.bodyId(), c.domainCode(), chosen ? named : c.officerIds(), day);
		}
		catch (NotFound e) {
			throw zhifa.shared.BusinessRuleViolation.onField("officerIds", "所选的执法人员不存在");
		}
		if (chosen) {
			List<String> problems = new ArrayList<>();
			k.others().forEach(name -> problems.add(name + " 不是本机关的执法人员"));
			k.own().stream().filter(d -> !d.allowed()).forEach(d -> problems.add(d.explanation()));
			if (!problems.isEmpty()) {
				throw zhifa.shared.BusinessRuleViolation.onField("officerIds", day + "：" + String.join("；", problems) + "（" + article + "）");
			}
		}
		List<AuthorityDecision> valid = k.own().stream().filter(AuthorityDecision::allowed).toList();
		if (validCertificates(valid) < 2) {
			List<String> not = k.own().stream().filter(d -> !d.allowed()).map(AuthorityDecision::explanation).toList();
			throw new zhifa.shared.BusinessRuleViolation(what + "应当由两名以上行政执法人员实施（" + article + "），" + (chosen ? "所选的" : "本案") + day + "持有效执法证件的"
					+ (chosen ? "" : "办案") + "人员不足两名" + (not.isEmpty() ? "" : "：" + String.join("；", not)));
		}
		java.util.Map<Long, String> by = new java.util.LinkedHashMap<>();
		valid.forEach(d -> by.put(d.officerId(), d.officerName()));
		return by;
	}

	/** Why the case cannot be handled by these officers (every reason); empty when it can. */
	public List<String> refusals(CaseFile c, List<Long> officerIds) {
		Candidates k = candidates(c.bodyId(), c.domainCode(), officerIds, LocalDate.now(clock));
		List<String> problems = new ArrayList<>();
		k.others().forEach(name -> problems.add(name + " 不是本机关的执法人员"));
		k.own().stream().filter(d -> !d.allowed()).forEach(d -> problems.add(d.explanation()));
		if (k.valid() < 2) {
			problems.add("持有效执法证件的办案人员不足两名（行政处罚法第四十二条）");
		}
		return problems;
	}

	/** The body's officers with what {@link OfficerAuthority} says about them for the domain today. */
	public List<AuthorityDecision> choices(long bodyId, String domainCode) {
		return choices(bodyId, domainCode, LocalDate.now(clock));
	}

	/** The same on a given day (an inspection's date). */
	public List<AuthorityDecision> choices(long bodyId, String domainCode, LocalDate day) {
		return officers.ofBody(bodyId).stream().map(id -> authority.check(id, domainCode, day)).toList();
	}

	/** What {@link OfficerAuthority} says about one officer for a domain on a day. */
	public AuthorityDecision authority(long officerId, String domainCode, LocalDate day) {
		return authority.check(officerId, domainCode, day);
	}

	/** The officer record of a user account, if the account belongs to one. */
	public Optional<Long> officerOfUser(Long userId) {
		return userId == null ? Optional.empty() : officers.ofUser(userId).map(OfficerLookups.OfficerRow::id);
	}

	/** The 法律职业资格 number of the officer behind a user account (法制审核, 行政处罚法第五十八条第二款). */
	public Optional<String> legalQualificationOfUser(Long userId) {
		return userId == null ? Optional.empty() : officers.ofUser(userId).map(OfficerLookups.OfficerRow::legalQualificationNo);
	}

	/** An officer as other modules see him: id, name and body. */
	public record OfficerRef(long id, String name, long bodyId) {
	}

	public Optional<OfficerRef> nameAndBody(long officerId) {
		return officers.officer(officerId).map(o -> new OfficerRef(o.id(), o.name(), o.bodyId()));
	}

	/** The name of an officer of the body. */
	public Optional<String> nameInBody(long officerId, long bodyId) {
		return officers.officer(officerId).filter(o -> o.bodyId() == bodyId).map(OfficerLookups.OfficerRow::name);
	}

	/** Whether the officer is 辅助人员 (协管员 and the like): never an enforcement officer, whatever he is given. */
	public boolean auxiliary(long officerId) {
		return officers.officer(officerId).map(OfficerLookups.OfficerRow::auxiliary).orElse(false);
	}

	/** Puts the officers on the case from the day. */
	public void assign(CaseFile c, Collection<Long> officerIds, LocalDate day) {
		new LinkedHashSet<>(officerIds).forEach(id -> cases.assign(c.id(), id, day));
	}

	/** The case's officers become exactly these from the day: the others are released, the new ones assigned. */
	public void change(CaseFile c, List<Long> officerIds, LocalDate day) {
		List<Long> current = c.officerIds();
		current.stream().filter(id -> !officerIds.contains(id)).forEach(id -> cases.release(c.id(), id, day));
		officerIds.stream().distinct().filter(id -> !current.contains(id)).forEach(id -> cases.assign(c.id(), id, day));
	}
}

package zhifa.officer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import zhifa.officer.AuthorityDecision.Refusal;

/**
 * Whether an officer may carry out enforcement in a domain on a date (行政处罚法第四十二条: only officers with an
 * enforcement certificate; 国办发〔2024〕54号: auxiliary staff never; 方案任务4: 未取得行政执法证件的人员不得从事行政执法工作).
 * Pure: it reads the officer's and certificates' histories as of the date, so a past act is judged by the facts of its day.
 * Police officers act on their 人民警察证 (Police Law) in the public-security domain.
 */
public final class AuthorityPolicy {

	public static final String POLICE_DOMAIN = "PUBLIC_SECURITY";

	/** What a police officer's {@link AuthorityDecision#certificateNumber} begins with. */
	public static final String POLICE_CARD = "人民警察证";

	private AuthorityPolicy() {
	}

	/** A status that took effect on a date. */
	public record Change<S>(LocalDate effective, S status) {
	}

	/**
	 * The officer as the policy needs them; {@code policeNumber}: a police officer's 人民警察证号（警号）, if registered;
	 * {@code ofTownship}: the officer serves a township (乡镇人民政府、街道办事处).
	 */
	public record OfficerFacts(long id, String name, StaffingType staffing, boolean police, List<Change<OfficerStatus>> statusHistory, String policeNumber,
			boolean ofTownship) {

		public OfficerFacts(long id, String name, StaffingType staffing, boolean police, List<Change<OfficerStatus>> statusHistory, String policeNumber) {
			this(id, name, staffing, police, statusHistory, policeNumber, false);
		}

		public OfficerFacts(long id, String name, StaffingType staffing, boolean police, List<Change<OfficerStatus>> statusHistory) {
			this(id, name, staffing, police, statusHistory, null, false);
		}
	}

	/**
	 * The domain of a 乡镇（街道）综合行政执法 certificate: it covers what the township enforces — the matters delegated to it,
	 * whatever their department's domain (the matter itself is checked against the delegation and the catalogue where
	 * the case is filed) — for an officer of a township; not for anyone else.
	 */
	public static final String TOWNSHIP_DOMAIN = "TOWNSHIP";

	/** One certificate with its history. */
	public record CertificateFacts(String number, LocalDate validFrom, LocalDate validTo, Set<String> domains,
			List<Change<CertificateStatus>> history) {
	}

	public static AuthorityDecision evaluate(OfficerFacts officer, List<CertificateFacts> certificates, String domain, LocalDate date) {
		List<Refusal> refusals = new ArrayList<>();
		if (statusOn(officer.statusHistory(), date) != OfficerStatus.ON_DUTY) {
			refusals.add(Refusal.NOT_IN_POST);
		}
		if (officer.staffing() == StaffingType.AUXILIARY) {
			refusals.add(Refusal.AUXILIARY_STAFF);
		}
		if (officer.police() && POLICE_DOMAIN.equals(domain)) {
			// each his own card: two police officers are two certificates (第四十二条 counts distinct ones)
			return decision(officer, refusals, officer.policeNumber() != null && !officer.policeNumber().isBlank() ? POLICE_CARD + " " + officer.policeNumber()
					: POLICE_CARD + "（警号未登记，人员" + officer.id() + "）");
		}
		List<CertificateFacts> issued = certificates.stream()
			.filter(c -> c.number() != null && c.validFrom() != null && statusOn(c.history(), date) != null)
			// the latest issued first; on the same day (a renewal issued the day the old one was cancelled), the one held
			.sorted(Comparator.comparing(CertificateFacts::validFrom).reversed()
				.thenComparing(c -> statusOn(c.history(), date).live() ? 0 : 1))
			.toList();
		CertificateFacts usable = issued.stream()
			.filter(c -> statusOn(c.history(), date) == CertificateStatus.VALID && !date.isBefore(c.validFrom()) && !date.isAfter(c.validTo()))
			.findFirst()
			.orElse(null);
		if (usable == null) {
			if (issued.isEmpty()) {
				refusals.add(Refusal.NO_CERTIFICATE);
			}
			else {
				refusals.add(refusalFor(issued.get(0), date));
			}
			return decision(officer, refusals, null);
		}
		if (!usable.domains().contains(domain) && !(officer.ofTownship() && usable.domains().contains(TOWNSHIP_DOMAIN))) {
			refusals.add(Refusal.DOMAIN_NOT_COVERED);
		}
		return decision(officer, refusals, usable.number());
	}

	private static Refusal refusalFor(CertificateFacts c, LocalDate date) {
		CertificateStatus status = statusOn(c.history(), date);
		return switch (status) {
			case SUSPENDED -> Refusal.SUSPENDED;
			case REVOKED -> Refusal.REVOKED;
			case WITHDRAWN, CANCELLED -> Refusal.WITHDRAWN;
			case EXPIRED -> Refusal.EXPIRED;
			case VALID -> date.isBefore(c.validFrom()) ? Refusal.NOT_YET_VALID : Refusal.EXPIRED;
			default -> Refusal.NO_CERTIFICATE;
		};
	}

	private static AuthorityDecision decision(OfficerFacts officer, List<Refusal> refusals, String basis) {
		return new AuthorityDecision(officer.id(), officer.name(), refusals.isEmpty(), refusals.isEmpty() ? basis : basis,
				List.copyOf(refusals));
	}

	/** The status in force at the end of {@code date}, or null before the first change. */
	static <S> S statusOn(List<Change<S>> history, LocalDate date) {
		S status = null;
		for (Change<S> c : history) {
			if (!c.effective().isAfter(date)) {
				status = c.status();
			}
		}
		return status;
	}
}

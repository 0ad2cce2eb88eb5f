package zhifa.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static zhifa.officer.AuthorityDecision.Refusal.AUXILIARY_STAFF;
import static zhifa.officer.AuthorityDecision.Refusal.DOMAIN_NOT_COVERED;
import static zhifa.officer.AuthorityDecision.Refusal.EXPIRED;
import static zhifa.officer.AuthorityDecision.Refusal.NOT_IN_POST;
import static zhifa.officer.AuthorityDecision.Refusal.NOT_YET_VALID;
import static zhifa.officer.AuthorityDecision.Refusal.NO_CERTIFICATE;
import static zhifa.officer.AuthorityDecision.Refusal.REVOKED;
import static zhifa.officer.AuthorityDecision.Refusal.SUSPENDED;
import static zhifa.officer.AuthorityDecision.Refusal.WITHDRAWN;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import zhifa.officer.AuthorityPolicy.CertificateFacts;
import zhifa.officer.AuthorityPolicy.Change;
import zhifa.officer.AuthorityPolicy.OfficerFacts;

class AuthorityPolicyTest {

	static final LocalDate HIRED = LocalDate.of(2020, 3, 1);
	static final LocalDate ISSUED = LocalDate.of(2024, 1, 10);
	static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

	static OfficerFacts officer(StaffingType staffing, boolean police, List<Change<OfficerStatus>> history) {
		return new OfficerFacts(1, "张伟", staffing, police, history);
	}

	static OfficerFacts onDuty() {
		return officer(StaffingType.ESTABLISHED, false, List.of(new Change<>(HIRED, OfficerStatus.ON_DUTY)));
	}

	static CertificateFacts certificate(CertificateStatus... laterStatuses) {
		var history = new java.util.ArrayList<Change<CertificateStatus>>();
		history.add(new Change<>(ISSUED, CertificateStatus.VALID));
		LocalDate d = ISSUED;
		for (CertificateStatus s : laterStatuses) {
			d = d.plusMonths(3);
			history.add(new Change<>(d, s));
		}
		return new CertificateFacts("5300002024001", ISSUED, LocalDate.of(2029, 1, 9), Set.of("MARKET"), history);
	}

	static AuthorityDecision check(OfficerFacts o, List<CertificateFacts> c, String domain, LocalDate date) {
		return AuthorityPolicy.evaluate(o, c, domain, date);
	}

	@Test
	void certifiedOfficerInPostMayActInACoveredDomain() {
		var d = check(onDuty(), List.of(certificate()), "MARKET", TODAY);
		assertThat(d.allowed()).isTrue();
		assertThat(d.certificateNumber()).isEqualTo("5300002024001");
	}

	@Test
	void noCertificate() {
		assertThat(check(onDuty(), List.of(), "MARKET", TODAY).refusals()).containsExactly(NO_CERTIFICATE);
	}

	@Test
	void certificateIssuedAfterTheActDoesNotCount() {
		assertThat(check(onDuty(), List.of(certificate()), "MARKET", ISSUED.minusDays(1)).refusals()).containsExactly(NO_CERTIFICATE);
	}

	@Test
	void notYetValid() {
		var c = new CertificateFacts("5300002024001", LocalDate.of(2025, 7, 1), LocalDate.of(2030, 6, 30), Set.of("MARKET"),
				List.of(new Change<>(ISSUED, CertificateStatus.VALID)));
		assertThat(check(onDuty(), List.of(c), "MARKET", TODAY).refusals()).containsExactly(NOT_YET_VALID);
	}

	@Test
	void aRenewalIssuedAheadKeepsTheOldCertificateUntilTheNewOneTakesEffect() {
		// approved today, the new one from a day to come: the old one is cancelled as of that day, not today
		LocalDate from = TODAY.plusDays(10);
		var old = new CertificateFacts("5300002024001", ISSUED, LocalDate.of(2029, 1, 9), Set.of("MARKET"),
				List.of(new Change<>(ISSUED, CertificateStatus.VALID), new Change<>(from, CertificateStatus.CANCELLED)));
		var renewed = new CertificateFacts("5300002024009", from, from.plusYears(5), Set.of("MARKET"), List.of(new Change<>(TODAY, CertificateStatus.VALID)));
		assertThat(check(onDuty(), List.of(old, renewed), "MARKET", TODAY).credential()).isEqualTo("执法证 5300002024001");
		assertThat(check(onDuty(), List.of(old, renewed), "MARKET", from).credential()).isEqualTo("执法证 5300002024009");
	}

	@Test
	void expiredByDateEvenBeforeTheNightlyJobMarksIt() {
		assertThat(check(onDuty(), List.of(certificate()), "MARKET", LocalDate.of(2029, 1, 10)).refusals()).containsExactly(EXPIRED);
		assertThat(check(onDuty(), List.of(certificate(CertificateStatus.EXPIRED)), "MARKET", TODAY).refusals()).containsExactly(EXPIRED);
	}

	@Test
	void suspended() {
		var d = check(onDuty(), List.of(certificate(CertificateStatus.SUSPENDED)), "MARKET", TODAY);
		assertThat(d.allowed()).isFalse();
		assertThat(d.refusals()).containsExactly(SUSPENDED);
		assertThat(d.explanation()).contains("执法证件已被暂扣");
	}

	@Test
	void suspendedLaterStillAllowsTheEarlierAct() {
		assertThat(check(onDuty(), List.of(certificate(CertificateStatus.SUSPENDED)), "MARKET", ISSUED.plusMonths(1)).allowed()).isTrue();
	}

	@Test
	void reinstatedAfterSuspensionMayActAgain() {
		assertThat(check(onDuty(), List.of(certificate(CertificateStatus.SUSPENDED, CertificateStatus.VALID)), "MARKET", TODAY).allowed()).isTrue();
	}

	@Test
	void revoked() {
		assertThat(check(onDuty(), List.of(certificate(CertificateStatus.REVOKED)), "MARKET", TODAY).refusals()).containsExactly(REVOKED);
	}

	@Test
	void withdrawnOrCancelled() {
		assertThat(check(onDuty(), List.of(certificate(CertificateStatus.WITHDRAWN)), "MARKET", TODAY).refusals()).containsExactly(WITHDRAWN);
		assertThat(check(onDuty(), List.of(certificate(CertificateStatus.WITHDRAWN, CertificateStatus.CANCELLED)), "MARKET", TODAY).refusals())
			.containsExactly(WITHDRAWN);
	}

	@Test
	void auxiliaryStaff() {
		var aux = officer(StaffingType.AUXILIARY, false, List.of(new Change<>(HIRED, OfficerStatus.ON_DUTY)));
		assertThat(check(aux, List.of(), "MARKET", TODAY).refusals()).containsExactly(AUXILIARY_STAFF, NO_CERTIFICATE);
	}

	@Test
	void domainNotCovered() {
		assertThat(check(onDuty(), List.of(certificate()), "URBAN", TODAY).refusals()).containsExactly(DOMAIN_NOT_COVERED);
	}

	/**
	 * A 乡镇（街道）综合行政执法 certificate covers what a township officer enforces for the township — the matters delegated
	 * to it, of whatever department's domain — and nothing for an officer of a county department.
	 */
	@Test
	void aTownshipCertificateCoversTheTownshipsMattersForATownshipOfficerOnly() {
		var township = new CertificateFacts("5300002024002", ISSUED, LocalDate.of(2029, 1, 9), Set.of(AuthorityPolicy.TOWNSHIP_DOMAIN),
				List.of(new Change<>(ISSUED, CertificateStatus.VALID)));
		var history = List.of(new Change<>(HIRED, OfficerStatus.ON_DUTY));
		var ofTownship = new OfficerFacts(2, "岩保", StaffingType.ESTABLISHED, false, history, null, true);
		assertThat(check(ofTownship, List.of(township), "URBAN", TODAY).allowed()).isTrue();
		assertThat(check(ofTownship, List.of(township), "MARKET", TODAY).allowed()).isTrue();
		var ofDepartment = new OfficerFacts(3, "孙磊", StaffingType.ESTABLISHED, false, history, null, false);
		assertThat(check(ofDepartment, List.of(township), "URBAN", TODAY).refusals()).containsExactly(DOMAIN_NOT_COVERED);
		// a township certificate is still a certificate: suspended, it covers nothing
		var suspended = new CertificateFacts("5300002024002", ISSUED, LocalDate.of(2029, 1, 9), Set.of(AuthorityPolicy.TOWNSHIP_DOMAIN),
				List.of(new Change<>(ISSUED, CertificateStatus.VALID), new Change<>(ISSUED.plusMonths(1), CertificateStatus.SUSPENDED)));
		assertThat(check(ofTownship, List.of(suspended), "URBAN", TODAY).allowed()).isFalse();
	}

	@Test
	void notInPostAfterRetirement() {
		var retired = officer(StaffingType.ESTABLISHED, false,
				List.of(new Change<>(HIRED, OfficerStatus.ON_DUTY), new Change<>(LocalDate.of(2025, 5, 1), OfficerStatus.RETIRED)));
		assertThat(check(retired, List.of(certificate()), "MARKET", TODAY).refusals()).containsExactly(NOT_IN_POST);
		assertThat(check(retired, List.of(certificate()), "MARKET", LocalDate.of(2025, 4, 30)).allowed()).isTrue();
	}

	@Test
	void policeActOnTheirPoliceCardInPublicSecurityOnly() {
		var police = officer(StaffingType.ESTABLISHED, true, List.of(new Change<>(HIRED, OfficerStatus.ON_DUTY)));
		var d = check(police, List.of(), AuthorityPolicy.POLICE_DOMAIN, TODAY);
		assertThat(d.allowed()).isTrue();
		assertThat(d.certificateNumber()).isEqualTo("人民警察证（警号未登记，人员1）");
		assertThat(check(police, List.of(), "MARKET", TODAY).refusals()).containsExactly(NO_CERTIFICATE);
	}

	/** 行政处罚法第四十二条 counts distinct certificates: each police officer acts on his own card. */
	@Test
	void twoPoliceOfficersAreTwoCertificates() {
		List<Change<OfficerStatus>> onDuty = List.of(new Change<>(HIRED, OfficerStatus.ON_DUTY));
		var one = AuthorityPolicy.evaluate(new OfficerFacts(1, "段勇", StaffingType.ESTABLISHED, true, onDuty, "053001"), List.of(),
				AuthorityPolicy.POLICE_DOMAIN, TODAY);
		var two = AuthorityPolicy.evaluate(new OfficerFacts(2, "李明", StaffingType.ESTABLISHED, true, onDuty, "053002"), List.of(),
				AuthorityPolicy.POLICE_DOMAIN, TODAY);
		var unnumbered = AuthorityPolicy.evaluate(new OfficerFacts(3, "王五", StaffingType.ESTABLISHED, true, onDuty), List.of(),
				AuthorityPolicy.POLICE_DOMAIN, TODAY);
		assertThat(one.certificateNumber()).isEqualTo("人民警察证 053001");
		assertThat(one.credential()).isEqualTo("人民警察证 053001");
		assertThat(zhifa.casework.CaseOfficers.validCertificates(List.of(one, two))).isEqualTo(2);
		assertThat(zhifa.casework.CaseOfficers.validCertificates(List.of(one, unnumbered))).isEqualTo(2);
	}

	@Test
	void statusTransitionsFollowTheLifecycle() {
		assertThat(CertificateStatus.APPLIED.canBecome(CertificateStatus.VALID)).isFalse();
		assertThat(CertificateStatus.UNDER_REVIEW.canBecome(CertificateStatus.VALID)).isTrue();
		assertThat(CertificateStatus.SUSPENDED.canBecome(CertificateStatus.VALID)).isTrue();
		assertThat(CertificateStatus.WITHDRAWN.canBecome(CertificateStatus.CANCELLED)).isTrue();
		assertThat(CertificateStatus.REVOKED.canBecome(CertificateStatus.VALID)).isFalse();
		assertThat(CertificateStatus.EXPIRED.canBecome(CertificateStatus.VALID)).isFalse();
	}
}

package zhifa.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.DataScope;
import zhifa.shared.IdNumber;
import zhifa.support.IntegrationTestBase;

/**
 * 持证率 of a past year is counted on its 31 December by each certificate's history: one valid then counts though it has
 * expired since; one suspended then does not, though valid again since. This year's is counted today. The body's
 * figures and its drill-down list agree.
 */
class ComplianceYearEndIntegrationTest extends IntegrationTestBase {

	@Autowired
	Compliance compliance;

	@Autowired
	Officers officers;

	@Autowired
	Certificates certificates;

	/** The clock at noon of the day (in 芒市). */
	private void at(LocalDate day) {
		clock.reset();
		clock.shift(Duration.between(clock.instant(), day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
	}

	private Officer officer(long body, String name, int serial) {
		String first17 = "533103" + "1985060" + serial + String.format("%03d", 100 + (int) (System.nanoTime() % 800));
		OfficerForm f = new OfficerForm();
		f.setBodyId(body);
		f.setName(name);
		f.setIdNumber(first17 + IdNumber.checkCharacter(first17));
		f.setPost("执法科科员");
		f.setStaffing(StaffingType.ESTABLISHED);
		f.setDomainCodes(new ArrayList<>(List.of("WATER")));
		return officers.create(DataScope.all(), f, false);
	}

	private boolean certifiedInList(long body, int year, long officerId) {
		return compliance.drillDown(DataScope.all(), body, year, officers, certificates).stream().filter(l -> l.officer().id() == officerId)
			.findFirst().orElseThrow().certified();
	}

	@Test
	void aPastYearIsCountedOnItsLastDayByEachCertificatesHistory() {
		long body = bodyId("芒市水务局");
		int year = LocalDate.now(clock).getYear();
		int lastYear = year - 1;
		LocalDate yearEnd = LocalDate.of(lastYear, 12, 31);
		try {
			// this year is looked at on 1 March; last December two officers were registered
			at(LocalDate.of(year, 3, 1));
			var before = List.of(compliance.figures(DataScope.body(body), lastYear).get(0), compliance.figures(DataScope.body(body), year).get(0));
			at(yearEnd.minusDays(20));
			Officer lapsed = officer(body, "年末持证", 7);
			Certificate expiring = certificates.registerExisting(DataScope.all(), lapsed.id(), List.of("WATER"), "53", "云南省人民政府",
					new Certificates.Issue("530000" + lastYear + String.format("%05d", lapsed.id() % 100000), yearEnd.minusYears(2), yearEnd.plusDays(10), "测试"),
					false);
			Officer suspended = officer(body, "年末暂扣", 8);
			Certificate held = certificates.registerExisting(DataScope.all(), suspended.id(), List.of("WATER"), "53", "云南省人民政府",
					new Certificates.Issue("530001" + lastYear + String.format("%05d", suspended.id() % 100000), yearEnd.minusYears(1), yearEnd.plusYears(3), "测试"),
					false);
			// suspended from 20 December to 15 January
			at(yearEnd.minusDays(11));
			certificates.change(DataScope.all(), held.id(), CertificateStatus.SUSPENDED, new Certificates.Change("暂扣（测试）", "暂扣决定", yearEnd.minusDays(11)));
			at(LocalDate.of(year, 1, 15));
			certificates.change(DataScope.all(), held.id(), CertificateStatus.VALID, new Certificates.Change("发还（测试）", "发还决定", LocalDate.of(year, 1, 15)));
			at(LocalDate.of(year, 3, 1));
			certificates.expireDue();
			assertThat(certificates.get(DataScope.all(), expiring.id()).status()).isEqualTo(CertificateStatus.EXPIRED);

			var past = compliance.figures(DataScope.body(body), lastYear).get(0);
			var now = compliance.figures(DataScope.body(body), year).get(0);
			assertThat(past.officers()).isEqualTo(before.get(0).officers() + 2);
			assertThat(past.certified()).as("on 31 December: the one expired since counts, the one suspended then does not")
				.isEqualTo(before.get(0).certified() + 1);
			assertThat(now.officers()).isEqualTo(before.get(1).officers() + 2);
			assertThat(now.certified()).as("today: the expired one does not count, the one given back does").isEqualTo(before.get(1).certified() + 1);
			assertThat(certifiedInList(body, lastYear, lapsed.id())).isTrue();
			assertThat(certifiedInList(body, lastYear, suspended.id())).isFalse();
			assertThat(certifiedInList(body, year, lapsed.id())).isFalse();
			assertThat(certifiedInList(body, year, suspended.id())).isTrue();
		}
		finally {
			clock.reset();
		}
	}
}

package zhifa.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.DataScope;
import zhifa.shared.IdNumber;
import zhifa.support.IntegrationTestBase;

/**
 * 持证率 of a past year is counted on its 31 December: a certificate valid then counts though it has expired since; this
 * year's is counted today.
 */
class ComplianceYearEndIntegrationTest extends IntegrationTestBase {

	@Autowired
	Compliance compliance;

	@Autowired
	Officers officers;

	@Autowired
	Certificates certificates;

	@Test
	void aCertificateThatExpiredAfterTheYearEndCountsForThatYearButNotForThisOne() {
		long body = bodyId("芒市水务局");
		LocalDate today = LocalDate.now(clock);
		int lastYear = today.getYear() - 1;
		LocalDate yearEnd = LocalDate.of(lastYear, 12, 31);
		var before = List.of(compliance.figures(DataScope.body(body), lastYear).get(0), compliance.figures(DataScope.body(body), today.getYear()).get(0));

		// registered in last December, valid until ten days after the year end; expired since by the nightly run
		clock.shift(Duration.ofDays(-ChronoUnit.DAYS.between(yearEnd.minusDays(20), today)));
		try {
			String first17 = "533103" + "19850607" + String.format("%03d", 100 + (int) (System.nanoTime() % 800));
			OfficerForm f = new OfficerForm();
			f.setBodyId(body);
			f.setName("年末持证");
			f.setIdNumber(first17 + IdNumber.checkCharacter(first17));
			f.setPost("执法科科员");
			f.setStaffing(StaffingType.ESTABLISHED);
			f.setDomainCodes(new ArrayList<>(List.of("WATER")));
			Officer o = officers.create(DataScope.all(), f, false);
			certificates.registerExisting(DataScope.all(), o.id(), List.of("WATER"), "53", "云南省人民政府",
					new Certificates.Issue("530000" + lastYear + String.format("%05d", o.id() % 100000), yearEnd.minusYears(2), yearEnd.plusDays(10), "测试"), false);
		}
		finally {
			clock.reset();
		}
		certificates.expireDue();
		var past = compliance.figures(DataScope.body(body), lastYear).get(0);
		var now = compliance.figures(DataScope.body(body), today.getYear()).get(0);
		assertThat(past.officers()).isEqualTo(before.get(0).officers() + 1);
		assertThat(past.certified()).isEqualTo(before.get(0).certified() + 1);
		assertThat(now.officers()).isEqualTo(before.get(1).officers() + 1);
		assertThat(now.certified()).isEqualTo(before.get(1).certified());
	}
}

package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/** A body administrator edits the county benchmark beyond the upper level's range and sees the refusal. */
class DiscretionBrowserTest extends BrowserTestBase {

	@Test
	void crossingTheUpperRangeIsRefusedOnTheForm() throws Exception {
		open(1280, 900);
		login("scj.admin");
		long county = jdbc.queryForObject("select id from discretion_benchmark where violation_code = 'SP-124-TJJ' and level = 'COUNTY'", Long.class);
		get("/discretion/" + county + "/edit");
		var max = driver.findElement(By.id("max-GENERAL"));
		max.clear();
		max.sendKeys("90000", Keys.ENTER);
		assertThat(driver.findElement(By.id("tier-errors")).getText())
			.contains("“一般处罚”档的罚款上限90,000.00元超出了德宏傣族景颇族自治州州级基准同档上限75,000.00元");
		Browser.screenshot(driver, "discretion-refused");
		assertThat(jdbc.queryForObject("select max_fine from discretion_tier where benchmark_id = ? and tier = 'GENERAL'", Long.class, county))
			.isEqualTo(7_000_000L);

		get("/discretion/assess?violationCode=SP-124-TJJ&bodyId=" + bodyId("芒市市场监督管理局") + "&circumstances=ELIMINATED_HARM");
		assertThat(driver.findElement(By.id("assessment")).getText()).contains("从轻处罚").contains("50,000.00元至52,000.00元");
		Browser.screenshot(driver, "discretion-assessment");
	}
}

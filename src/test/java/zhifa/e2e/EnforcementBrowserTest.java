package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;
import zhifa.support.CaseScenarios;

/**
 * A fine not paid by its due day on a phone: the officer sees the 行政强制执行 form appear on the case page (it is the
 * lifecycle that shows it, not the stage), sends the 催告 and the page shows the procedure; the head tries to apply to the
 * court at once and is told the ten working days of 行政强制法第五十四条 have not passed. The administrator reads the
 * procedure numbers of each domain with their sources.
 */
class EnforcementBrowserTest extends BrowserTestBase {

	@Test
	void anOverdueFineIsUrgedAndTheCourtMustWaitTenWorkingDays() throws Exception {
		long id = new CaseScenarios(jdbc, clock).decidedAndServed(loggedIn("scj.zhifa"), loggedIn("scj.fuze"), "强制执行浏览器测试公司", 11);
		open(390, 844);
		login("scj.zhifa");
		get("/cases/" + id);
		assertThat(driver.findElements(By.cssSelector("form[action$='/urge']"))).as("not overdue yet: no 催告").isEmpty();
		// two forms post evidence here (the 证据 form and the scan of a service paper): a refused one comes back filled, with
		// the refusal under its field — the other stays as it was
		WebElement evidence = driver.findElement(By.id("evidence-form"));
		((JavascriptExecutor) driver).executeScript("arguments[0].closest('details').open = true;"
				+ "arguments[0].querySelector('[name=collectedOn]').value = '2099-01-01';", evidence);
		evidence.findElement(By.name("title")).sendKeys("现场照片（浏览器测试）");
		submit(evidence.findElement(By.tagName("button")));
		evidence = driver.findElement(By.id("evidence-form"));
		assertThat(evidence.findElement(By.name("title")).getDomProperty("value")).isEqualTo("现场照片（浏览器测试）");
		assertThat(evidence.findElement(By.name("collectedOn")).getDomProperty("value")).isEqualTo("2099-01-01");
		assertThat(evidence.findElement(By.className("field-refusal")).getText()).contains("取证日期应在违法行为发生之后、不晚于今天");
		assertThat(driver.findElement(By.id("scan-form")).isDisplayed()).isTrue();
		assertThat(driver.findElements(By.cssSelector("#scan-form .field-refusal, #scan-form .alert-danger"))).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from case_evidence where case_id = ? and title = '现场照片（浏览器测试）'", Long.class, id)).isZero();
		Browser.screenshot(driver, "evidence-refused-in-its-form-phone");
		// a field sent empty comes back empty, not with the page's default (a date the officer cleared is not put back)
		evidence = driver.findElement(By.id("evidence-form"));
		((JavascriptExecutor) driver).executeScript("arguments[0].querySelector('[name=collectedOn]').value = '';"
				+ "arguments[0].querySelector('[name=title]').value = '   ';", evidence);
		submit(evidence.findElement(By.tagName("button")));
		evidence = driver.findElement(By.id("evidence-form"));
		assertThat(evidence.findElement(By.className("field-refusal")).getText()).contains("请填写证据名称");
		assertThat(evidence.findElement(By.name("collectedOn")).getDomProperty("value")).isEmpty();

		clock.shift(Duration.ofDays(20));
		get("/cases/" + id);
		assertThat(driver.findElement(By.id("account")).getText()).contains("逾期未缴");
		assertThat(driver.findElement(By.cssSelector("[aria-current=step]")).getText()).as("a served decision stands at 送达与执行").isEqualTo("6 送达与执行");
		driver.findElement(By.cssSelector("form[action$='/urge'] input[name=proof]")).sendKeys("催告书送达回证（浏览器测试）", Keys.ENTER);
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已登记催告");
		assertThat(driver.findElement(By.id("enforcement")).getText()).contains("已催告", "尚欠罚款");
		assertThat(driver.findElement(By.id("next-steps")).getText()).contains("申请人民法院强制执行", "十日后");
		Browser.screenshot(driver, "enforcement-urged-phone");

		driver.manage().deleteAllCookies();
		login("scj.fuze");
		get("/cases/" + id);
		driver.findElement(By.cssSelector("form[action$='/court-application'] input[name=court]")).sendKeys("芒市人民法院", Keys.ENTER);
		assertThat(driver.findElement(By.className("alert-danger")).getText()).contains("十日后", "第六十九条");
		assertThat(jdbc.queryForObject("select stage from coercion_enforcement where case_id = ?", String.class, id)).isEqualTo("URGED");
		Browser.screenshot(driver, "enforcement-court-refused-phone");
	}

	@Test
	void theAdministratorReadsEachDomainsProcedureNumbersWithTheirSources() throws Exception {
		open(1280, 900);
		login("admin");
		get("/procedure-profiles?domain=MARKET");
		assertThat(driver.findElement(By.id("profiles")).getText()).contains("默认", "市场监管", "市场监督管理行政处罚程序规定第十八条", "行政处罚法第六十条");
		assertThat(driver.findElement(By.id("filing")).getDomProperty("value")).isEqualTo("15");
		Browser.screenshot(driver, "procedure-profiles");
	}
}

package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/**
 * The market-supervision bureau adds a matter and reports its catalogue; the justice bureau reviews every item on a phone
 * and publishes version 3, whose page lists the change.
 */
class CatalogueBrowserTest extends BrowserTestBase {

	@Test
	void aBodyReportsItsCatalogueAndTheJusticeBureauPublishesIt() throws Exception {
		open(1280, 900);
		login("scj.admin");
		get("/matters/new");
		driver.findElement(By.id("code")).sendKeys("SJ-CF-020");
		driver.findElement(By.id("name")).sendKeys("对生产者、销售者在产品中掺杂、掺假的行政处罚（再编制）");
		new Select(driver.findElement(By.id("domainCode"))).selectByValue("MARKET");
		driver.findElement(By.id("basis")).sendKeys("产品质量法第四十九条");
		driver.findElement(By.id("violationCodes")).sendKeys(Keys.ENTER);
		driver.findElement(By.id("name")).sendKeys(Keys.ENTER);
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已编制事项");

		get("/catalogues");
		assertThat(driver.findElement(By.id("pending")).getText()).contains("新增", "SJ-CF-020");
		driver.findElement(By.id("note")).sendKeys("新增掺杂掺假处罚事项");
		driver.findElement(By.cssSelector("#pending button")).sendKeys(Keys.ENTER);
		// the matter without legal basis blocks the report until it is cancelled
		assertThat(driver.findElement(By.className("alert-danger")).getText()).contains("SJ-QT-009", "只能提议取消");
		long noBasis = jdbc.queryForObject("select id from enforcement_matter where code = 'SJ-QT-009'", Long.class);
		get("/matters/" + noBasis);
		new Select(driver.findElement(By.id("status"))).selectByValue("CANCELLED");
		driver.findElement(By.id("reason")).sendKeys("没有法律依据，提议取消", Keys.ENTER);
		assertThat(driver.findElement(By.id("matter-status")).getText()).isEqualTo("取消");
		get("/catalogues");
		driver.findElement(By.cssSelector("#pending button")).sendKeys(Keys.ENTER);
		assertThat(driver.findElement(By.id("submission-status")).getText()).contains("审查中");
		String submission = driver.getCurrentUrl().replaceAll(".*/", "");

		driver.manage().deleteAllCookies();
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
		login("jiandu");
		get("/catalogues/submissions/" + submission);
		int items = driver.findElements(By.cssSelector("form[action*='/items/'] button")).size();
		assertThat(items).isGreaterThanOrEqualTo(5);
		for (int i = 0; i < items; i++) {
			// the form reloads the page: wait for it before looking for the next button
			submit(driver.findElements(By.cssSelector("form[action*='/items/'] button")).get(i));
		}
		assertThat(driver.findElement(By.id("submission-status")).getText()).contains("已审查 " + items + " / " + items);
		Browser.screenshot(driver, "catalogue-review-phone");
		submit(driver.findElement(By.id("publish")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("第3版");
		assertThat(driver.findElement(By.id("version-diff")).getText()).contains("与第2版相比", "新增 1 项", "SJ-CF-020");
		Browser.screenshot(driver, "catalogue-version-phone");
		assertThat(jdbc.queryForObject("select status from enforcement_matter where code = 'SJ-CF-020'", String.class)).isEqualTo("ACTIVE");
	}
}

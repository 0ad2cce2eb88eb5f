package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/** A citizen on a phone, not logged in: the bodies, one body's officers and catalogue, the certificate check, the procedures (axe on every page). */
class PortalBrowserTest extends BrowserTestBase {

	@Test
	void aCitizenReadsThePortalOnAPhone() throws Exception {
		open(390, 844);
		get("/portal");
		assertThat(driver.findElement(By.id("portal-bodies")).getText()).contains("芒市市场监督管理局");
		Browser.screenshot(driver, "portal-home-phone");
		// 大字模式, remembered on the next page
		driver.findElement(By.id("large-text")).sendKeys(org.openqa.selenium.Keys.ENTER);
		assertThat(driver.findElement(By.tagName("html")).getAttribute("class")).contains("portal-large");
		get("/portal/benchmarks");
		assertThat(driver.findElement(By.tagName("html")).getAttribute("class")).contains("portal-large");
		assertThat(driver.findElement(By.id("large-text")).getAttribute("aria-pressed")).isEqualTo("true");
		Browser.screenshot(driver, "portal-large-phone");
		get("/portal");
		driver.findElement(By.xpath("//div[@id='portal-bodies']//a[contains(., '芒市市场监督管理局')]")).sendKeys(org.openqa.selenium.Keys.ENTER);
		var officers = new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElements(By.id("portal-officers")).stream().findFirst().orElse(null));
		assertThat(officers.getText()).contains("张伟");
		assertThat(driver.findElement(By.id("portal-catalogue")).getText()).contains("SJ-CF-001");
		Browser.screenshot(driver, "portal-body-phone");
		// a certificate number opens its public check
		officers.findElement(By.cssSelector("a[href*='/verify/certificates/']")).sendKeys(org.openqa.selenium.Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/verify/certificates/"));
		get("/portal/decisions");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("执法决定公开");
		get("/portal/procedures");
		assertThat(driver.findElement(By.id("procedure-INSPECTION")).getText()).contains("行政检查", "公示检查结果");
		Browser.screenshot(driver, "portal-procedures-phone");
	}
}

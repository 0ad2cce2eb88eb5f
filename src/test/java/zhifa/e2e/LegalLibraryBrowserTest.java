package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

import zhifa.support.Browser;
import zhifa.support.IntegrationTestBase;

/** An officer searches the legal library in Chinese and reads the article found. */
class LegalLibraryBrowserTest extends IntegrationTestBase {

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void officerFindsTheLegalReviewArticleByChineseKeywords() throws Exception {
		driver = Browser.start(1280, 900);
		driver.get("http://localhost:" + port + "/login");
		driver.findElement(By.id("username")).sendKeys("scj.zhifa");
		driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD, Keys.ENTER);
		driver.get("http://localhost:" + port + "/legal");
		driver.findElement(By.id("q")).sendKeys("法制审核 听证", Keys.ENTER);
		assertThat(driver.findElement(By.id("hits")).getText()).contains("行政处罚法第五十八条");
		Browser.screenshot(driver, "legal-search");
		driver.findElement(By.linkText("行政处罚法第五十八条")).click();
		assertThat(driver.findElement(By.id("a58")).getText()).contains("法制审核");
		Browser.screenshot(driver, "legal-document");
	}
}

package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/** An officer searches the legal library in Chinese and reads the article found. */
class LegalLibraryBrowserTest extends BrowserTestBase {


	@Test
	void officerFindsTheLegalReviewArticleByChineseKeywords() throws Exception {
		open(1280, 900);
		login("scj.zhifa");
		get("/legal");
		driver.findElement(By.id("q")).sendKeys("法制审核 听证", Keys.ENTER);
		assertThat(driver.findElement(By.id("hits")).getText()).contains("行政处罚法第五十八条");
		Browser.screenshot(driver, "legal-search");
		driver.findElement(By.linkText("行政处罚法第五十八条")).click();
		assertThat(driver.findElement(By.id("a58")).getText()).contains("法制审核");
		Browser.screenshot(driver, "legal-document");
	}
}

package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/** Supervisors drill into compliance figures; a candidate sits the qualification exam in the browser. */
class OfficerBrowserTest extends BrowserTestBase {



	@Test
	void supervisorOpensTheCompliancePageAndDrillsIntoOneBody() throws Exception {
		open(1280, 900);
		login("jiandu");
		get("/compliance");
		assertThat(driver.findElement(By.id("compliance-table")).getText()).contains("芒市市场监督管理局", "遮放镇人民政府");
		Browser.screenshot(driver, "compliance");
		driver.findElement(By.cssSelector("#compliance-table")).findElement(By.linkText("芒市市场监督管理局")).sendKeys(org.openqa.selenium.Keys.ENTER);
		assertThat(new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
			.until(d -> d.findElements(By.id("drill-title")).stream().findFirst().orElse(null)).getText()).contains("芒市市场监督管理局");
		String page = driver.getPageSource();
		assertThat(page).contains("张伟", "岩温", "李明", "暂扣").doesNotContain("何平");
		Browser.screenshot(driver, "compliance-market");

		driver.findElement(By.linkText("李明")).click();
		assertThat(driver.getPageSource()).contains("暂扣").contains("5331");
		Browser.screenshot(driver, "officer-suspended");
		get("/certificates");
		assertThat(driver.findElement(By.id("expiring")).getText()).contains("岩温");
		Browser.screenshot(driver, "certificates");
	}

	@Test
	void candidateSitsTheExamAndGetsAScore() throws Exception {
		open(390, 844);
		login("scj.xinren");
		get("/exams");
		long examId = jdbc.queryForObject("select min(id) from exam", Long.class);
		driver.findElement(By.id("start-" + examId)).sendKeys(org.openqa.selenium.Keys.ENTER);
		assertThat(driver.findElement(By.id("countdown")).getText()).contains("剩余");
		assertThat(driver.getPageSource()).doesNotContain("正确答案").doesNotContain("\"answer\"");
		// answer every question with the first option (or 对); each change is saved by htmx
		var fieldsets = driver.findElements(By.cssSelector("#paper-form fieldset"));
		assertThat(fieldsets).hasSize(10);
		for (var fs : fieldsets) {
			fs.findElement(By.cssSelector("input.form-check-input")).sendKeys(org.openqa.selenium.Keys.SPACE);
		}
		Browser.screenshot(driver, "exam-paper-phone");
		long paperId = jdbc.queryForObject("select id from exam_paper where exam_id = ? and officer_id = (select id from officer where name = '赵刚')",
				Long.class, examId);
		for (int i = 0; i < 50 && jdbc.queryForObject("select count(*) from exam_paper_item where paper_id = ? and given is not null", Long.class, paperId) < 10; i++) {
			Thread.sleep(100);
		}
		assertThat(jdbc.queryForObject("select count(*) from exam_paper_item where paper_id = ? and given is not null", Long.class, paperId)).isEqualTo(10);
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.confirm = function () { return true; };");
		driver.findElement(By.id("submit-paper")).sendKeys(org.openqa.selenium.Keys.ENTER);
		assertThat(driver.findElement(By.id("result")).getText()).contains("公共法律知识").contains("专业法律知识");
		Browser.screenshot(driver, "exam-result-phone");
		assertThat(jdbc.queryForObject("select submitted_at is not null from exam_paper where id = ?", Boolean.class, paperId)).isTrue();
	}

	@Test
	void publicVerificationPageShowsStatusWithoutPersonalData() throws Exception {
		open(390, 844);
		String number = jdbc.queryForObject("select c.number from certificate c join officer o on o.id = c.officer_id where o.name = '李明'", String.class);
		get("/verify/certificates/" + number);
		String text = driver.findElement(By.id("verification")).getText();
		assertThat(text).contains("李明", "芒市市场监督管理局", "暂扣").doesNotContain("5331");
		Browser.screenshot(driver, "verify-phone");
	}
}

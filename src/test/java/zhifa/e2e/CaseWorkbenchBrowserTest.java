package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import zhifa.shared.IdNumber;
import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/**
 * The workbench's main path on a phone: an officer registers a clue; the head tries to file it with one officer, is told
 * why not, picks two certified officers and files it; the case gets its number and its decision timer.
 */
class CaseWorkbenchBrowserTest extends BrowserTestBase {

	@Test
	void anOfficerRegistersAClueAndTheHeadFilesItWithTwoCertifiedOfficers() throws Exception {
		open(412, 915);
		login("scj.zhifa");
		get("/cases");
		driver.findElement(By.id("new-clue")).sendKeys(Keys.ENTER);
		new Select(driver.findElement(By.id("source"))).selectByVisibleText("12345热线");
		new Select(driver.findElement(By.id("matterId"))).selectByVisibleText("SJ-CF-001 对生产经营超范围、超限量使用食品添加剂的食品的行政处罚");
		driver.findElement(By.id("partyName")).sendKeys("浏览器测试当事人");
		String id = "53310319920304005";
		driver.findElement(By.id("partyIdNumber")).sendKeys(id + IdNumber.checkCharacter(id));
		driver.findElement(By.id("partyAddress")).sendKeys("德宏州芒市勐焕大道18号");
		driver.findElement(By.id("placeDetail")).sendKeys("勐焕大道");
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("actDate")),
				java.time.LocalDate.now(clock).minusDays(7).toString());
		driver.findElement(By.id("description")).sendKeys("热线反映米线中添加剂超标");
		driver.findElement(By.cssSelector("#clue-form button[type=submit]")).sendKeys(Keys.ENTER);
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已登记案源");
		assertThat(driver.findElement(By.id("timers")).getText()).contains("立案审查", "15工作日");
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain(id);
		String caseUrl = driver.getCurrentUrl();
		Browser.screenshot(driver, "case-clue-phone");

		driver.manage().deleteAllCookies();
		login("scj.fuze");
		driver.get(caseUrl);
		long zhang = jdbc.queryForObject("select id from officer where name = '张伟'", Long.class);
		long yan = jdbc.queryForObject("select id from officer where name = '岩温'", Long.class);
		driver.findElement(By.id("officer-" + zhang)).sendKeys(Keys.SPACE);
		driver.findElement(By.cssSelector("#filing-form button")).sendKeys(Keys.ENTER);
		Browser.screenshot(driver, "case-refused-phone");
		assertThat(driver.findElement(By.className("alert-danger")).getText()).contains("不能立案", "目前只有 1 名");
		assertThat(driver.findElement(By.id("case-stage")).getText()).isEqualTo("案源待处理");
		// nothing typed is lost: 张伟 is still ticked after the refusal
		assertThat(driver.findElement(By.id("officer-" + zhang)).isSelected()).isTrue();
		driver.findElement(By.id("officer-" + yan)).sendKeys(Keys.SPACE);
		driver.findElement(By.cssSelector("#filing-form input[name=opinion]")).sendKeys("同意立案");
		driver.findElement(By.cssSelector("#filing-form button")).sendKeys(Keys.ENTER);
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已批准立案，案件编号 芒市监罚立〔");
		assertThat(driver.findElement(By.id("case-stage")).getText()).isEqualTo("已立案（调查取证）");
		assertThat(driver.findElement(By.id("timers")).getText()).contains("作出处罚决定", "行政处罚法第六十条");
		Browser.screenshot(driver, "case-filed-phone");

		// investigation to decision on the same phone
		openDetails();
		driver.findElement(By.cssSelector("#evidence-form input[name=title]")).sendKeys("现场照片");
		java.nio.file.Path photo = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("photo", ".txt"), "现场照片内容");
		driver.findElement(By.cssSelector("#evidence-form input[type=file]")).sendKeys(photo.toString());
		submit(By.cssSelector("#evidence-form button"));
		assertThat(driver.findElement(By.id("evidence")).getText()).contains("现场照片", "SM3");
		openDetails();
		driver.findElement(By.cssSelector("#proposal-form textarea[name=report]")).sendKeys("调查终结报告：当事人超范围使用食品添加剂，事实清楚");
		driver.findElement(By.id("pt-FINE")).sendKeys(Keys.SPACE);
		driver.findElement(By.cssSelector("#proposal-form input[name=fineYuan]")).sendKeys("65000");
		submit(By.cssSelector("#proposal-form button"));
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("罚款65,000.00元");
		// the notice's facts start from the investigation report
		var facts = driver.findElement(By.cssSelector("#notice textarea[name=facts]"));
		assertThat(facts.getAttribute("value")).startsWith("调查终结报告：当事人超范围使用食品添加剂");
		facts.clear();
		facts.sendKeys("经查，当事人生产的米线中检出超范围使用的食品添加剂");
		submit(By.cssSelector("#notice button"));
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("含听证权利");
		driver.findElement(By.cssSelector("#service-form input[name=proof]")).sendKeys("送达回证 2026-001");
		submit(By.cssSelector("#service-form button"));
		assertThat(driver.findElement(By.id("gates")).getText()).contains("✗ 陈述申辩和听证申请期限已过或已书面放弃");
		// each written waiver with the party's signed scan and the officer's confirmation
		java.nio.file.Path scan = java.nio.file.Files.write(java.nio.file.Files.createTempFile("waiver", ".pdf"), SIGNED_SCAN);
		for (String right : java.util.List.of("STATEMENT", "HEARING")) {
			openDetails();
			new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("waiver-right"))).selectByValue(right);
			driver.findElement(By.id("waiver-file")).sendKeys(scan.toString());
			driver.findElement(By.id("waiver-confirmed")).sendKeys(Keys.SPACE);
			((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.confirm = function () { return true; }");
			submit(By.cssSelector("#waiver-form button"));
			assertThat(driver.findElement(By.className("alert-success")).getText()).contains("书面放弃");
		}
		assertThat(driver.findElement(By.id("gates")).getText()).doesNotContain("✗");
		var text = driver.findElement(By.cssSelector("#decision-form textarea[name=text]"));
		assertThat(text.getAttribute("value")).startsWith("经查，当事人生产的米线中检出");
		assertThat(driver.findElement(By.cssSelector("#decision-form input[name=fineYuan]")).getAttribute("value")).isEqualTo("65000.00");
		text.clear();
		text.sendKeys("当事人超范围使用食品添加剂，依据食品安全法第一百二十四条第一款第（三）项");
		submit(By.cssSelector("#decision-form button"));
		assertThat(driver.findElement(By.id("decision-summary")).getText()).contains("给予行政处罚", "芒市监罚决〔");
		assertThat(driver.findElement(By.id("case-stage")).getText()).isEqualTo("已作出决定");
		Browser.screenshot(driver, "case-decided-phone");
		get("/cases?filter=ALL");
		assertThat(driver.findElement(By.id("case-list")).getText()).contains("浏览器测试当事人");
	}

	/** Presses the button and waits for the next page. */
	private void submit(By button) {
		var page = driver.findElement(By.tagName("html"));
		driver.findElement(button).sendKeys(Keys.ENTER);
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
	}

	private void openDetails() {
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
	}
}

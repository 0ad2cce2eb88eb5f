package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/** A real Chromium: log in, see the home page with real figures, look at the main pages on a desk and a phone. */
class HomePageBrowserTest extends BrowserTestBase {



	@Test
	void supervisorLogsInAndSeesRealFiguresOnTheHomePage() throws Exception {
		open(1280, 900);
		get("/");
		assertThat(driver.getCurrentUrl()).endsWith("/login");
		Browser.screenshot(driver, "login");
		login("jiandu");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("李建华");
		long bodiesInMangshi = jdbc.queryForObject(
				"select count(*) from org_body b join org_region r on r.id = b.region_id where r.path like '/1/2/3/%'", Long.class);
		assertThat(driver.findElement(By.id("fig-bodies")).getText()).isEqualTo(String.valueOf(bodiesInMangshi));
		// his own work: the overdue cases of the bodies in his scope, the catalogue filing waiting for his review
		assertThat(driver.findElement(By.id("todo-SUPERVISOR")).getText()).contains("本平台办理中有超期环节的案件（各执法主体）", "待审查的执法事项目录报备");
		Browser.screenshot(driver, "home-supervisor");

		get("/bodies");
		assertThat(driver.getPageSource()).contains("芒市市场监督管理局").doesNotContain("德宏州司法局");
		Browser.screenshot(driver, "bodies");
		get("/calendar?year=2024&from=2024-09-27&amount=5&unit=WORKING_DAYS");
		assertThat(driver.findElement(By.id("due-result")).getText()).contains("2024-10-10");
		Browser.screenshot(driver, "calendar");
		get("/records/body/" + bodyId("芒市市场监督管理局"));
		assertThat(driver.findElement(By.id("verification")).getText()).contains("记录链完整");
		Browser.screenshot(driver, "record-timeline");
	}

	@Test
	void administratorWorksOnAPhoneSizedScreen() throws Exception {
		open(375, 812);
		login("admin");
		assertThat(driver.findElement(By.id("fig-bodies")).isDisplayed()).isTrue();
		Browser.screenshot(driver, "home-admin-phone");
		get("/bodies/new");
		driver.findElement(By.id("name")).sendKeys("芒市浏览器测试局");
		char right = zhifa.shared.Uscc.checkCharacter("11533103MT0000099");
		String wrong = "11533103MT0000099" + (right == '0' ? '1' : '0');
		driver.findElement(By.id("uscc")).sendKeys(wrong, org.openqa.selenium.Keys.ENTER);
		assertThat(driver.findElement(By.id("uscc-error")).getText()).contains("校验位错误");
		Browser.screenshot(driver, "body-form-error-phone");
		assertThat(jdbc.queryForObject("select count(*) from org_body where name = '芒市浏览器测试局'", Long.class)).isZero();
	}
}

package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import zhifa.support.BrowserTestBase;

/**
 * On a phone, from the demo data: {@code jiandu} finds the alert 有案不立 on the demo clue left past its triage period,
 * issues a 督办函 on it; {@code scj.admin} finds the letter on his home page and replies; {@code jiandu} finds the reply
 * on his home page and accepts it; the alert is 核实关闭 with its history.
 */
class SupervisionBrowserTest extends BrowserTestBase {

	private void as(String user) {
		driver.manage().deleteAllCookies();
		login(user);
		assertThat(driver.getCurrentUrl()).doesNotContain("/login");
	}

	/** From the home page: the role's list with this title, the item whose label starts so, followed to where one acts. */
	private void fromHome(String role, String list, String labelStart) {
		get("/");
		WebElement section = driver.findElement(By.id("todo-" + role));
		WebElement card = section.findElements(By.className("todo-list")).stream()
			.filter(c -> c.findElement(By.tagName("h3")).getText().contains(list)).findFirst()
			.orElseThrow(() -> new AssertionError("no list “" + list + "” on " + role + "'s home page:\n" + section.getText()));
		((JavascriptExecutor) driver).executeScript("for (const d of arguments[0].querySelectorAll('details')) d.open = true;", card);
		WebElement link = card.findElements(By.tagName("a")).stream().filter(a -> a.getText().equals(labelStart)).findFirst()
			.orElseThrow(() -> new AssertionError("“" + labelStart + "” is not in “" + list + "”:\n" + card.getText()));
		String href = link.getAttribute("href");
		link.sendKeys(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().equals(href));
	}

	private void send(String formId) {
		submit(driver.findElement(By.id(formId)).findElement(By.cssSelector("button[type=submit]")));
	}

	@Test
	void jianduSupervisesTheDemoAlertTheBodyRepliesOnItsHomePageAndTheAlertCloses() throws Exception {
		long act = jdbc.queryForObject("select id from sv_act where source = 'PLATFORM' and party_name = '芒市某某商贸有限公司（演示）' and filed_on is null",
				Long.class);
		long alert = jdbc.queryForObject("select id from sv_alert where act_id = ? and rule_code = 'UNFILED_CLUE'", Long.class, act);
		open(412, 915);

		as("jiandu");
		// the dashboard: charts drawn, and the open alerts of the demo's reported acts (公安, 交通运输) in the heat-table
		get("/supervision");
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("[data-chart] canvas")).size() >= 3);
		String heat = driver.findElement(By.id("alert-heat")).getText();
		assertThat(heat).contains("芒市交通运输局", "芒市公安局");
		assertThat(driver.findElement(By.id("body-table")).getText()).contains("芒市交通运输局", "芒市公安局");
		zhifa.support.Browser.screenshot(driver, "supervision-dashboard-phone");
		// the reporting systems and their code mappings (read-only for a supervisor), checked like every page
		get("/supervision/exchange");
		assertThat(driver.findElement(By.id("source-table")).getText()).contains("代码");
		assertThat(driver.findElements(By.id("source-form"))).isEmpty();
		get("/supervision/alerts?rule=UNFILED_CLUE&state=OPEN");
		WebElement row = driver.findElement(By.id("alert-list")).findElements(By.cssSelector("tbody tr")).stream()
			.filter(r -> r.findElement(By.tagName("a")).getAttribute("href").endsWith("/supervision/alerts/" + alert)).findFirst()
			.orElseThrow(() -> new AssertionError("the demo alert is not in the list"));
		assertThat(row.getText()).contains("有案不立", "芒市市场监督管理局", "新预警");
		// on a phone each alert is a block, each field on its line after its name (not a column a character wide)
		zhifa.support.Browser.screenshot(driver, "supervision-alerts-phone");
		WebElement open = row.findElement(By.tagName("a"));
		open.sendKeys(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/supervision/alerts/" + alert));
		assertThat(driver.findElement(By.id("alert-reasoning")).getText()).contains("立案审查期限", "有案不立");
		driver.findElement(By.id("supervise")).sendKeys(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/supervision/documents/new"));
		assertThat(driver.findElement(By.id("d-finding")).getAttribute("value")).contains("有案不立");
		driver.findElement(By.id("d-days")).clear();
		driver.findElement(By.id("d-days")).sendKeys("5");
		send("document-form");
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已发出督办函");
		String number = driver.findElement(By.id("doc-number")).getText();
		assertThat(number).matches("芒市司法局监督〔\\d{4}〕\\d+号");
		assertThat(driver.findElement(By.id("doc-state")).getText()).isEqualTo("已发出，待单位答复");

		as("scj.admin");
		fromHome("UNIT_ADMIN", "待答复的监督文书", "督办函 " + number);
		driver.findElement(By.id("r-explanation")).sendKeys("该批电线电缆的检验报告已出，已于今日立案（演示）");
		send("reply-form");
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已答复");
		assertThat(driver.findElement(By.id("doc-state")).getText()).isEqualTo("单位已答复，待监督机构审核");

		as("jiandu");
		fromHome("SUPERVISOR", "待审核的整改答复", "督办函 " + number);
		send("accept-form");
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已采纳答复");
		assertThat(driver.findElement(By.id("doc-state")).getText()).isEqualTo("答复已采纳，办结");

		get("/supervision/alerts/" + alert);
		assertThat(driver.findElement(By.id("alert-state")).getText()).isEqualTo("核实关闭");
		assertThat(driver.findElement(By.id("alert-history")).getText()).contains("已督办：发出督办函（" + number + "）", "单位已说明", "核实关闭");
	}
}

package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;
import zhifa.support.BrowserTestBase;

/**
 * On a 1366-px screen: {@code jiandu} starts a review programme over 市场监管局's files closed in a fortnight, names two
 * reviewers from other bodies, publishes the population and draws; {@code scj.admin} uploads the file (reported by
 * another system); {@code sfj.admin} and {@code zhzf.zhifa} each score it beside the file with the veto the platform
 * proposes from the data; the result is final; {@code jiandu} issues the rectification; {@code scj.admin} finds the
 * result and the rectification document on his pages.
 */
class CaseFileReviewBrowserTest extends BrowserTestBase {

	@Autowired
	Ledger ledger;

	private void as(String user) {
		driver.manage().deleteAllCookies();
		login(user);
		assertThat(driver.getCurrentUrl()).doesNotContain("/login");
	}

	private void send(String formId) {
		submit(driver.findElement(By.id(formId)).findElement(By.cssSelector("button[type=submit]")));
	}

	private void check(String id) {
		WebElement box = driver.findElement(By.id(id));
		if (!box.isSelected()) {
			// inside a scrolling list of bodies: the label is what a user clicks
			((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", box);
		}
		assertThat(box.isSelected()).isTrue();
	}

	private long account(String username) {
		return jdbc.queryForObject("select id from account_view where username = ?", Long.class, username);
	}

	@Test
	void theJusticeBureauReviewsADrawnFileWithTwoReviewersFromOtherBodiesAndTheBodyIsToldToRectify() throws Exception {
		long market = bodyId("芒市市场监督管理局");
		LocalDate closed = LocalDate.of(2025, 2, 5);
		LocalDate decided = closed.minusDays(20);
		// a penalty another system reported, handled by one officer only
		long act = ledger.record(new ActReport("REVIEW-E2E", "E1", 1, market, "PENALTY", "SJ-E2E", "浏览器评查测试事项", "芒市评查浏〔2025〕1号", "ORGANIZATION",
				"浏览器评查测试公司", "浏览*司", "REVIEW-E2E-1", null, "CLOSED", decided.minusDays(40), decided.minusDays(40), decided.minusDays(38),
				decided.minusDays(10), decided.minusDays(5), decided.minusDays(5), true, false, false, false, false, decided, "PENALTY", "芒评浏罚〔2025〕1号",
				50_000L, null, null, decided.plusDays(1), 50_000L, closed, List.of("53000020259999"), 1, false)).actId();
		open(1366, 900);

		as("jiandu");
		get("/supervision/reviews");
		driver.findElement(By.id("title")).sendKeys("浏览器测试：市场监管案卷评查");
		((JavascriptExecutor) driver).executeScript("document.getElementById('closedFrom').value = arguments[0]; document.getElementById('closedTo').value = arguments[1];",
				closed.minusDays(7).toString(), closed.plusDays(7).toString());
		WebElement ratio = driver.findElement(By.id("ratio"));
		ratio.clear();
		ratio.sendKeys("100");
		check("b-" + market);
		send("programme-form");
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已设立评查活动");
		for (String reviewer : List.of("sfj.admin", "zhzf.zhifa")) {
			new Select(driver.findElement(By.id("accountId"))).selectByValue(String.valueOf(account(reviewer)));
			send("reviewer-form");
		}
		assertThat(driver.findElement(By.id("reviewers")).getText()).contains("赵明（芒市司法局）", "孙磊（芒市综合行政执法局）");
		submitConfirmed(driver.findElement(By.xpath("//button[text()='公布案卷名录和承诺值']")), "评查人员不能再改");
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已公布案卷名录和承诺值");
		assertThat(driver.findElement(By.id("programme-state")).getText()).contains("案卷名录和评查人员已固定，待抽取");
		submit(driver.findElement(By.xpath("//button[text()='抽取案卷']")));
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已抽取案卷");
		String files = driver.findElement(By.id("review-files")).getText();
		assertThat(files).contains("芒市评查浏〔2025〕1号", "赵明", "孙磊", "待上传");
		long file = jdbc.queryForObject("select f.id from sv_review_file f where f.act_id = ?", Long.class, act);
		zhifa.support.Browser.screenshot(driver, "review-programme");

		as("scj.admin");
		get("/reviews");
		Path pdf = Files.createTempFile("review", ".pdf");
		Files.write(pdf, "%PDF-1.4\n% 案卷扫描件（测试）\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		driver.findElement(By.id("up-" + file)).sendKeys(pdf.toAbsolutePath().toString());
		submit(driver.findElement(By.id("up-" + file)).findElement(By.xpath("following-sibling::button")));
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已上传案卷");

		for (String reviewer : List.of("sfj.admin", "zhzf.zhifa")) {
			as(reviewer);
			get("/");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("待我评查的案卷");
			get("/reviews/files/" + file);
			// the rubric beside the file; the veto proposed from the data, already ticked
			assertThat(driver.findElement(By.id("rubric-side")).getText()).contains("平台提示（执法人员不足两人或未持执法证件）");
			assertThat(driver.findElement(By.id("m_V_OFFICERS")).isSelected()).isTrue();
			assertThat(driver.findElement(By.id("file-side")).getText()).contains("53000020259999", "被评查单位上传的案卷");
			assertThat(driver.findElement(By.id("rubric-side")).getLocation().getX()).isLessThan(driver.findElement(By.id("file-side")).getLocation().getX());
			if (reviewer.equals("sfj.admin")) {
				zhifa.support.Browser.screenshot(driver, "review-scoring-1366");
			}
			// cannot be changed once in: the browser asks first
			submitConfirmed(driver.findElement(By.id("assessment")).findElement(By.cssSelector("button[type=submit]")), "提交后不能修改");
			assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已提交评查意见");
		}
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("不合格");

		as("jiandu");
		get("/reviews/files/" + file);
		assertThat(driver.findElement(By.id("file-state")).getText()).contains("已出结果", "不合格", "执法人员未取得执法证件或少于两人");
		send("rectification");
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已发出整改通知");

		as("scj.admin");
		get("/reviews");
		assertThat(driver.findElement(By.id("body-results")).getText()).contains("芒市评查浏〔2025〕1号", "不合格", "整改通知");
		get("/");
		assertThat(driver.findElement(By.id("todo-UNIT_ADMIN")).getText()).contains("待答复的监督文书", "整改通知", "案卷评查结果");
		accessibility.check(driver);
	}
}

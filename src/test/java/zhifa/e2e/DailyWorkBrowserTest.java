package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;
import zhifa.support.HttpSession;

/**
 * A case from clue to archive on a phone, by the officer, the head and the legal reviewer, each finding his next step on
 * his home page alone; a refused form keeps what was typed; after archiving nothing on the case can change. Then each
 * role's home page with one real item and its link.
 */
class DailyWorkBrowserTest extends BrowserTestBase {

	private static final String PARTY = "首页流程测试食品店";

	private void as(String user) {
		driver.manage().deleteAllCookies();
		login(user);
		assertThat(driver.getCurrentUrl()).doesNotContain("/login");
	}

	/** From the home page: the role's list with this title, the item with this label, followed to where one acts. */
	private void fromHome(String role, String list, String label) {
		get("/");
		WebElement section = driver.findElement(By.id("todo-" + role));
		WebElement card = section.findElements(By.className("todo-list")).stream()
			.filter(c -> c.findElement(By.tagName("h3")).getText().contains(list)).findFirst()
			.orElseThrow(() -> new AssertionError("no list “" + list + "” on " + role + "'s home page:\n" + section.getText()));
		WebElement link = card.findElements(By.tagName("a")).stream().filter(a -> a.getText().equals(label)).findFirst()
			.orElseThrow(() -> new AssertionError("“" + label + "” is not in “" + list + "”:\n" + card.getText()));
		String href = link.getAttribute("href");
		link.sendKeys(Keys.ENTER);
		new WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().equals(href));
	}

	private WebElement form(String actionSuffix) {
		WebElement f = driver.findElements(By.tagName("form")).stream().filter(x -> {
			String a = x.getAttribute("action");
			return a != null && a.endsWith(actionSuffix);
		}).findFirst().orElseThrow(() -> new AssertionError("no form for " + actionSuffix + " on " + driver.getCurrentUrl()));
		((JavascriptExecutor) driver).executeScript("for (var p = arguments[0]; p; p = p.parentElement) { if (p.tagName === 'DETAILS') p.open = true; }", f);
		return f;
	}

	private void type(WebElement form, String name, String text) {
		WebElement field = form.findElement(By.name(name));
		field.clear();
		field.sendKeys(text);
	}

	private void setDate(WebElement form, String name, LocalDate day) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", form.findElement(By.name(name)), day.toString());
	}

	private void send(WebElement form) {
		submit(form.findElement(By.cssSelector("button:not([type=button])")));
	}

	private String success() {
		return driver.findElement(By.className("alert-success")).getText();
	}

	private String caseNumber(long id) {
		return jdbc.queryForObject("select case_number from enforcement_case where id = ?", String.class, id);
	}

	@Test
	void aCaseFromClueToArchiveFoundFromTheHomePageAlone() throws Exception {
		open(412, 915);
		LocalDate today = LocalDate.now(clock);
		// the officer registers the clue from his home page
		as("scj.zhifa");
		driver.findElement(By.linkText("登记案源")).sendKeys(Keys.ENTER);
		awaitPath("/cases/new");
		new Select(driver.findElement(By.id("matterId"))).selectByVisibleText("SJ-CF-001 对生产经营超范围、超限量使用食品添加剂的食品的行政处罚");
		new Select(driver.findElement(By.id("partyKind"))).selectByValue("ORGANIZATION");
		driver.findElement(By.id("partyName")).sendKeys(PARTY);
		String uscc = "91533103MD0099001";
		driver.findElement(By.id("partyUscc")).sendKeys(uscc + zhifa.shared.Uscc.checkCharacter(uscc));
		driver.findElement(By.id("partyAddress")).sendKeys("德宏州芒市团结大街9号");
		driver.findElement(By.id("placeDetail")).sendKeys("团结大街");
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("actDate")), today.minusDays(6).toString());
		driver.findElement(By.id("description")).sendKeys("巡查发现销售添加剂超标的米线");
		submit(driver.findElement(By.cssSelector("#clue-form button[type=submit]")));
		assertThat(success()).contains("已登记案源");
		long id = Long.parseLong(driver.getCurrentUrl().replaceFirst(".*/cases/", "").replaceFirst("\\?.*", ""));
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("目前只有 0 名");

		// the head finds it under 待立案审批; the body's legal reviewer is marked before he picks anyone
		as("scj.fuze");
		fromHome("LEADER", "待立案审批", "案源第" + id + "号");
		long chen = jdbc.queryForObject("select id from officer where name = '陈静'", Long.class);
		assertThat(driver.findElement(By.cssSelector("label[for=officer-" + chen + "]")).getText()).contains("本单位法制审核人员");
		long zhang = jdbc.queryForObject("select id from officer where name = '张伟'", Long.class);
		long yan = jdbc.queryForObject("select id from officer where name = '岩温'", Long.class);
		WebElement filing = form("/cases/" + id + "/filing");
		filing.findElement(By.id("officer-" + zhang)).sendKeys(Keys.SPACE);
		type(filing, "opinion", "同意立案，请抓紧调查");
		send(filing);
		// refused (one officer): the choice and the opinion typed are still there
		assertThat(driver.findElement(By.className("alert-danger")).getText()).contains("不能立案");
		filing = form("/cases/" + id + "/filing");
		assertThat(filing.findElement(By.id("officer-" + zhang)).isSelected()).isTrue();
		assertThat(filing.findElement(By.name("opinion")).getAttribute("value")).isEqualTo("同意立案，请抓紧调查");
		Browser.screenshot(driver, "daily-filing-refused-kept-phone");
		filing.findElement(By.id("officer-" + yan)).sendKeys(Keys.SPACE);
		send(filing);
		assertThat(success()).contains("已批准立案");
		String number = caseNumber(id);

		// the officer: 调查取证 from his next steps — a transcript, then the proposal (refused once: nothing typed is lost)
		as("scj.zhifa");
		fromHome("OFFICER", "我的案件下一步", number);
		WebElement transcript = form("/cases/" + id + "/transcripts");
		type(transcript, "place", "团结大街某食品店");
		type(transcript, "subject", "店主");
		type(transcript, "content", "问：米线从何处购进？答：自制。");
		send(transcript);
		assertThat(success()).contains("已保存笔录");
		WebElement proposal = form("/cases/" + id + "/proposal");
		type(proposal, "report", "经查，当事人自制米线中添加剂超标，事实清楚、证据确凿，建议罚款。");
		type(proposal, "illegalGainsYuan", "1200");
		proposal.findElement(By.id("pt-FINE")).sendKeys(Keys.SPACE);
		proposal.findElement(By.id("pt-CONFISCATE_GAINS")).sendKeys(Keys.SPACE);
		type(proposal, "gainsYuan", "1200");
		proposal.findElement(By.id("major")).sendKeys(Keys.SPACE);
		send(proposal);
		assertThat(driver.findElement(By.className("alert-danger")).getText()).contains("请填写罚款的金额");
		proposal = form("/cases/" + id + "/proposal");
		assertThat(proposal.findElement(By.name("report")).getAttribute("value")).startsWith("经查，当事人自制米线中添加剂超标");
		assertThat(proposal.findElement(By.name("gainsYuan")).getAttribute("value")).isEqualTo("1200");
		assertThat(proposal.findElement(By.id("pt-CONFISCATE_GAINS")).isSelected()).isTrue();
		assertThat(proposal.findElement(By.id("major")).isSelected()).isTrue();
		// the refusal stands under the field it concerns, once in the form (and at the top of the page)
		assertThat(proposal.findElement(By.id("refusal-fine")).getText()).contains("请填写罚款的金额");
		assertThat(proposal.findElement(By.name("fineYuan")).getAttribute("class")).contains("is-invalid");
		assertThat(proposal.findElements(By.cssSelector(".alert-danger"))).isEmpty();
		Browser.screenshot(driver, "daily-proposal-refused-kept-phone");
		type(proposal, "fineYuan", "60000");
		send(proposal);
		assertThat(success()).contains("已提出处罚建议", "罚款60,000.00元", "没收违法所得1,200.00元");
		// "修改处罚建议" opens with the proposal as it is
		proposal = form("/cases/" + id + "/proposal");
		assertThat(proposal.findElement(By.name("fineYuan")).getAttribute("value")).isEqualTo("60000.00");
		assertThat(proposal.findElement(By.name("report")).getAttribute("value")).startsWith("经查");
		// gates not yet reached say so, never a ✓
		String gates = driver.findElement(By.id("gates")).getText();
		assertThat(gates).contains("尚未到此阶段").doesNotContain("✓ 法制审核已通过");

		// the legal reviewer finds it under 待法制审核, with its deadline
		as("scj.fazhi");
		fromHome("LEGAL_REVIEWER", "待法制审核", number);
		WebElement review = form("/cases/" + id + "/legal-review");
		type(review, "opinion", "主体合法，事实清楚，程序合法，裁量适当，同意。");
		submit(review.findElement(By.cssSelector("button[value=true]")));
		assertThat(success()).contains("法制审核");

		// the head holds the collective discussion found under 待集体讨论
		as("scj.fuze");
		fromHome("LEADER", "待集体讨论", number);
		WebElement discussion = form("/cases/" + id + "/collective-discussion");
		type(discussion, "participants", "刘强、局长、副局长");
		type(discussion, "minutes", "一致同意按处罚建议告知。");
		type(discussion, "conclusion", "同意");
		send(discussion);

		// the officer: the notice, its facts taken from the report; served; the party's signed waiver with its scan
		as("scj.zhifa");
		fromHome("OFFICER", "我的案件下一步", number);
		WebElement notice = form("/cases/" + id + "/notice");
		assertThat(notice.findElement(By.name("facts")).getAttribute("value")).startsWith("经查，当事人自制米线中添加剂超标");
		send(notice);
		WebElement service = form("/cases/" + id + "/notice/service");
		type(service, "proof", "送达回证001");
		send(service);
		Path scan = Files.createTempFile("waiver", ".pdf");
		Files.write(scan, SIGNED_SCAN);
		// a waiver gives up a right: the form asks to confirm (the browser's dialog is answered "yes" here)
		for (String right : java.util.List.of("STATEMENT", "HEARING")) {
			if (driver.findElements(By.cssSelector("#waiver-right option[value=" + right + "]")).isEmpty()) {
				continue;
			}
			WebElement waiver = form("/cases/" + id + "/waivers");
			assertThat(waiver.getAttribute("data-confirm")).contains("确认已核对");
			new Select(waiver.findElement(By.name("right"))).selectByValue(right);
			waiver.findElement(By.name("file")).sendKeys(scan.toString());
			waiver.findElement(By.name("confirmed")).sendKeys(Keys.SPACE);
			((JavascriptExecutor) driver).executeScript("window.confirm = function () { return true; }");
			send(waiver);
			assertThat(success()).contains("书面放弃");
		}

		// the head decides from 待作出决定: the form carries the notified penalty and facts
		as("scj.fuze");
		fromHome("LEADER", "待作出决定", number);
		WebElement decision = form("/cases/" + id + "/decision");
		assertThat(decision.findElement(By.name("fineYuan")).getAttribute("value")).isEqualTo("60000.00");
		assertThat(decision.findElement(By.name("gainsYuan")).getAttribute("value")).isEqualTo("1200.00");
		assertThat(decision.findElement(By.name("text")).getAttribute("value")).startsWith("经查");
		assertThat(driver.findElement(By.id("gates")).getText()).contains("✓").contains("法制审核已通过");
		Browser.screenshot(driver, "daily-decision-form-phone");
		send(decision);
		assertThat(success()).contains("已作出决定");
		assertThat(driver.findElement(By.id("next-steps")).getText()).contains("送达行政处罚决定书");

		// the officer serves the decision, records the payment and puts the file's documents together
		as("scj.zhifa");
		fromHome("OFFICER", "我的案件下一步", number);
		WebElement decisionService = form("/cases/" + id + "/service");
		// the fields of the method chosen: 见证人 only for 留置送达
		assertThat(decisionService.findElement(By.name("witnesses")).isDisplayed()).as("直接送达: no 见证人").isFalse();
		new Select(decisionService.findElement(By.name("method"))).selectByValue("LEAVE");
		assertThat(decisionService.findElement(By.name("witnesses")).isDisplayed()).isTrue();
		assertThat(decisionService.findElement(By.name("trackingNo")).isDisplayed()).isFalse();
		new Select(decisionService.findElement(By.name("method"))).selectByValue("DIRECT");
		type(decisionService, "recipient", "店主");
		type(decisionService, "proof", "送达回证002");
		send(decisionService);
		// the fine paid: the 没收违法所得 is still owed (paid in like the fine), closure says so
		WebElement payment = form("/cases/" + id + "/payments");
		type(payment, "amountYuan", "60000");
		type(payment, "receiptNo", "5331000099");
		send(payment);
		assertThat(success()).contains("已登记缴款");
		String missing = driver.findElement(By.id("closure")).getText();
		assertThat(missing).contains("没收违法所得", "尚欠 1,200.00元", "案卷缺少", "送达回证");
		// paid in too: closure lists only the file's documents (the gains need no note of their execution)
		WebElement gains = form("/cases/" + id + "/payments");
		type(gains, "amountYuan", "1200");
		type(gains, "receiptNo", "5331000100");
		send(gains);
		missing = driver.findElement(By.id("closure")).getText();
		assertThat(missing).contains("案卷缺少", "送达回证").doesNotContain("尚欠", "罚款以外的处罚尚未登记执行情况");
		for (String label : java.util.List.of("生成立案审批表", "生成行政处罚事先告知书", "生成行政处罚决定书", "生成送达回证")) {
			WebElement button = driver.findElements(By.cssSelector("#documents button")).stream().filter(b -> b.getText().equals(label)).findFirst()
				.orElseThrow(() -> new AssertionError("no button " + label));
			submit(button);
		}

		// the head closes (the 下一步 box still there) and archives, each from his home page
		as("scj.fuze");
		fromHome("LEADER", "待结案", number);
		assertThat(driver.findElement(By.id("next-steps")).getText()).contains("结案");
		WebElement closure = form("/cases/" + id + "/closure");
		type(closure, "report", "罚款及没收的违法所得已缴清，结案。");
		send(closure);
		assertThat(driver.findElement(By.id("case-stage")).getText()).isEqualTo("已结案");
		fromHome("LEADER", "待归档", number);
		send(form("/cases/" + id + "/archive"));
		assertThat(driver.findElement(By.id("case-stage")).getText()).isEqualTo("已归档");
		String index = driver.findElement(By.id("file-index")).getText();
		assertThat(index).contains("立案审批表", "行政处罚决定书", "送达回证", "结案报告", "法制审核", "集体讨论", "缴款");
		Browser.screenshot(driver, "daily-archived-phone");

		// archived: no form to change anything, and the API refuses with 409, changing nothing
		assertThat(driver.findElements(By.cssSelector("main form[method=post]"))).isEmpty();
		HttpSession api = loggedIn("scj.zhifa");
		long entries = recordCount();
		var upload = api.postMultipart("/api/v1/cases/" + id + "/evidence", java.util.Map.of("type", "DOCUMENTARY", "title", "归档后的材料"), "file",
				"late.pdf", "application/pdf", SIGNED_SCAN);
		assertThat(upload.statusCode()).isEqualTo(409);
		assertThat(json(upload.body()).get("detail").asString()).contains("归档", "只读");
		assertThat(api.postJson("/api/v1/cases/" + id + "/documents/DECISION", "{}").statusCode()).isEqualTo(409);
		assertThat(recordCount()).isEqualTo(entries);

		// anyone can check the 决定书 by its verification code, without logging in, and sees no personal data of the party
		String code = jdbc.queryForObject("select verification_code from case_document where case_id = ? and type = 'DECISION' order by version desc limit 1",
				String.class, id);
		driver.manage().deleteAllCookies();
		get("/verify/documents/" + code);
		String verified = driver.findElement(By.tagName("main")).getText();
		assertThat(verified).contains("行政处罚决定书", "芒市市场监督管理局", "芒市监罚决〔").doesNotContain(PARTY);
		Browser.screenshot(driver, "verify-document-phone");
	}

	@Test
	void everyRoleSeesItsOwnWorkOnItsHomePage() throws Exception {
		open(412, 915);
		// each role, one real item and where its link goes
		Object[][] roles = {
				{ "scj.zhifa", "OFFICER", "/cases/" },
				{ "scj.fuze", "LEADER", "/cases/" },
				{ "scj.fazhi", "LEGAL_REVIEWER", "/cases/" },
				{ "scj.admin", "UNIT_ADMIN", "/certificates/" },
				{ "jiandu", "SUPERVISOR", "/cases/" },
				{ "scj.xinren", "OFFICER", "/officers/" },
				{ "admin", "PLATFORM_ADMIN", "/calendar" } };
		for (Object[] r : roles) {
			as((String) r[0]);
			WebElement section = driver.findElement(By.id("todo-" + r[1]));
			Browser.screenshot(driver, "home-" + r[0] + "-phone");
			WebElement link = section.findElements(By.cssSelector(".todo-list li a")).stream()
				.filter(a -> a.getAttribute("href").contains((String) r[2])).findFirst()
				.orElseThrow(() -> new AssertionError(r[0] + ": no item linking to " + r[2] + " in\n" + section.getText()));
			String href = link.getAttribute("href");
			link.sendKeys(Keys.ENTER);
			new WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().equals(href));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
		}
	}
}

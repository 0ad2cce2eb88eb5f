package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.catalog.Catalogues;
import zhifa.catalog.ItemReview;
import zhifa.catalog.MatterType;
import zhifa.catalog.Matters;
import zhifa.inspection.items.InspectionItems;
import zhifa.inspection.plans.InspectionPlans;
import zhifa.inspection.visits.Draws;
import zhifa.inspection.visits.Visits;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/**
 * The phone part of an inspection: a township's inspector finds today's visit, the enterprise scans the team's code
 * without logging in and confirms, the inspector records the checklist — what he typed survives a reload until sent —
 * and completes the visit.
 */
class InspectionVisitBrowserTest extends BrowserTestBase {

	@Autowired
	Matters matters;
	@Autowired
	Catalogues catalogues;
	@Autowired
	InspectionItems items;
	@Autowired
	InspectionPlans plans;
	@Autowired
	Draws draws;
	@Autowired
	Visits visits;
	@Autowired
	zhifa.inspection.visits.VisitLists lists;

	/** 遮放镇 plans, files and draws one small task (its own test matter and item); the visits of the draw. */
	private List<zhifa.inspection.visits.VisitLists.Line> drawnVisits() {
		long zhefang = bodyId("遮放镇人民政府");
		LocalDate today = LocalDate.now(clock);
		assertThat(catalogues.publishedOn(zhefang, LocalDate.now(clock)).flatMap(v -> catalogues.entries(v.id()).stream()
			.filter(e -> e.code().equals("ZFZ-JC-001")).findFirst())).as("遮放镇's 行政检查 matter of the demo").isPresent();
		var item = items.list(DataScope.all(), zhefang).stream().filter(i -> i.status() == InspectionItems.Status.PUBLISHED).findFirst().orElseGet(() -> {
			var i = items.create(Operator.SYSTEM, zhefang, "ZFZ-JC-001", "集镇食品经营户", "现场检查");
			return items.publish(Operator.SYSTEM, i.id(), i.version());
		});
		var plan = plans.createPlan(Operator.SYSTEM, zhefang, today.getYear());
		var task = plans.addTask(Operator.SYSTEM, plan.id(), new InspectionPlans.TaskForm("集镇食品经营户抽查（浏览器测试）", List.of(item.id()), null, null,
				new BigDecimal("0.1"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, today, LocalDate.of(today.getYear(), 12, 31)));
		plan = plans.file(Operator.SYSTEM, plan.id(), plan.version(), "年中新增抽查任务（浏览器测试）");
		plans.decide(Operator.SYSTEM, plan.id(), plan.version(), true, "同意");
		draws.commit(Operator.SYSTEM, task.id(), task.version());
		draws.draw(Operator.SYSTEM, task.id());
		return lists.ofTask(task.id());
	}

	@Test
	void anInspectorFindsTodaysVisitTheEnterpriseScansAndTheChecklistIsRecordedOnAPhone() throws Exception {
		var line = drawnVisits().get(0);
		var visit = visits.load(line.id()).orElseThrow();
		open(390, 844);

		// the enterprise scans the code: no login, who and on what basis, and it confirms
		get("/scan/" + visit.scanToken());
		assertThat(driver.findElement(By.id("scan-team")).getText()).contains(visit.team().get(0).name(), "证件有效");
		assertThat(driver.findElement(By.id("scan-items")).getText()).contains("食品安全法第一百一十条");
		Browser.screenshot(driver, "inspection-scan-phone");
		submit(driver.findElement(By.cssSelector("#confirm-form button")));
		assertThat(driver.findElement(By.id("scan-message")).getText()).contains("已确认");

		// the township's inspector: today's visits, with the address
		login("zhefang.admin");
		// (the draw plans the first visit on the period's first working day: on a weekend, the list of the days ahead)
		get("/inspection/today" + (line.plannedOn().isAfter(LocalDate.now(clock)) ? "?until=" + line.plannedOn() : ""));
		assertThat(driver.findElement(By.id("my-visits")).getText()).contains(line.objectName(), line.address());
		Browser.screenshot(driver, "inspection-today-phone");
		driver.findElement(By.cssSelector("#my-visits a[href$='/inspection/visits/" + line.id() + "']")).click();
		// first the notice: the enterprise was told
		var notice = new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElements(By.id("notice-note")).stream().findFirst().orElse(null));
		notice.sendKeys("当天上午电话通知负责人");
		submit(driver.findElement(By.cssSelector("#notice button")));
		assertThat(driver.findElement(By.id("notice")).getText()).contains("已通知被检查对象：当天上午电话通知负责人");
		var form = new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#checklist form")).stream().findFirst().orElse(null));
		assertThat(driver.findElement(By.id("team")).getText()).contains("企业已于");

		// what is typed stays in the page until it is sent (a dropped connection, a reload)
		form.findElement(By.cssSelector("input[value=PASSED]")).sendKeys(org.openqa.selenium.Keys.SPACE);
		form.findElement(By.name("note")).sendKeys("证照齐全，从业人员健康证有效");
		driver.navigate().refresh();
		form = new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#checklist form")).stream().findFirst().orElse(null));
		assertThat(form.findElement(By.name("note")).getAttribute("value")).isEqualTo("证照齐全，从业人员健康证有效");
		assertThat(form.findElement(By.cssSelector("input[value=PASSED]")).isSelected()).isTrue();
		Browser.screenshot(driver, "inspection-visit-phone");
		submit(form.findElement(By.cssSelector("button[type=submit]")));
		assertThat(driver.findElement(By.id("checklist")).getText()).contains("合格", "证照齐全");
		assertThat(jdbc.queryForObject("select result from insp_check where visit_id = ?", String.class, line.id())).isEqualTo("PASSED");

		submit(driver.findElement(By.cssSelector("form[action$='/completion'] button")));
		assertThat(driver.findElement(By.id("visit-stage")).getText()).isEqualTo("已检查，待公示结果");
		assertThat(driver.findElement(By.id("publication-due")).getText()).contains("前公示");
		Browser.screenshot(driver, "inspection-visit-done-phone");
	}
}

package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/** An officer looks up the high-risk objects of a township on a phone; an administrator's refused form keeps what he typed. */
class InspectionObjectsBrowserTest extends BrowserTestBase {

	@Test
	void theObjectPoolOnAPhone() throws Exception {
		open(390, 844);
		login("scj.zhifa");
		get("/inspection/objects?risk=D");
		assertThat(driver.findElement(By.id("object-table")).getText()).contains("D类");
		Browser.screenshot(driver, "inspection-objects-phone");
		driver.findElement(By.cssSelector("#object-table tbody a")).click();
		var history = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
			.until(d -> d.findElements(By.id("risk-history")).stream().findFirst().orElse(null));
		assertThat(history.getText()).contains("演示数据");
		Browser.screenshot(driver, "inspection-object-phone");
	}

	@Test
	void aRefusedFormKeepsWhatWasTyped() throws Exception {
		open(1280, 900);
		login("scj.admin");
		get("/inspection/objects/new");
		driver.findElement(By.id("uscc")).sendKeys("91533103MA6K000010");
		driver.findElement(By.id("name")).sendKeys("浏览器测试公司");
		driver.findElement(By.id("industry")).sendKeys("餐饮服务");
		driver.findElement(By.id("address")).sendKeys("芒市某路9号");
		submit(driver.findElement(By.cssSelector("#object-form button[type=submit]")));
		// no region chosen (and a wrong check character): refused, the typed fields are back
		assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText()).contains("请选择所属区划");
		assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("浏览器测试公司");
		assertThat(driver.findElement(By.id("address")).getAttribute("value")).isEqualTo("芒市某路9号");
		Browser.screenshot(driver, "inspection-object-refused");
		assertThat(jdbc.queryForObject("select count(*) from insp_object where name = '浏览器测试公司'", Long.class)).isZero();
	}

	@Test
	void aRefusedItemKeepsItsTextInItsOwnFormNotInTheSearchAbove() throws Exception {
		open(390, 844);
		login("scj.admin");
		get("/inspection/items");
		driver.findElement(By.id("objectScope")).sendKeys("辖区内餐饮服务提供者（浏览器测试）");
		submit(driver.findElement(By.cssSelector("#item-form button[type=submit]")));
		// no method: refused; the typed range is back in the form that was sent (the search form above posts nowhere)
		assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText()).contains("请填写检查方式");
		assertThat(driver.findElement(By.id("objectScope")).getAttribute("value")).isEqualTo("辖区内餐饮服务提供者（浏览器测试）");
		// said once in the form, under the field it concerns; nothing in the search form
		assertThat(driver.findElements(By.cssSelector("#item-form .field-refusal"))).singleElement().extracting(WebElement::getText).asString()
			.contains("请填写检查方式");
		assertThat(driver.findElements(By.cssSelector("#item-form .alert-danger"))).isEmpty();
		assertThat(driver.findElements(By.cssSelector("form[method=get] .alert-danger, form[method=get] .field-refusal"))).isEmpty();
		Browser.screenshot(driver, "inspection-item-refused-phone");
	}
}

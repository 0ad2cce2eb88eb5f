package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import zhifa.shared.IdNumber;
import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/** An urban-management officer records an on-the-spot fine on a phone; an amount over the cap is refused first. */
class OnTheSpotBrowserTest extends BrowserTestBase {

	private void fill(String fineYuan) throws Exception {
		get("/onspot/new");
		new Select(driver.findElement(By.id("matterId"))).selectByVisibleText("ZF-CF-001 对随地吐痰、乱扔废弃物的行政处罚");
		driver.findElement(By.id("partyName")).sendKeys("手机测试当事人");
		String id = "53310319900606606";
		driver.findElement(By.id("partyIdNumber")).sendKeys(id + IdNumber.checkCharacter(id));
		driver.findElement(By.id("partyAddress")).sendKeys("德宏州芒市勇罕街5号");
		driver.findElement(By.id("placeDetail")).sendKeys("团结大街");
		driver.findElement(By.id("decisionText")).sendKeys("在街道乱扔烟头，依据城市市容和环境卫生管理条例第三十四条");
		driver.findElement(By.id("t-fine")).sendKeys(Keys.SPACE);
		driver.findElement(By.id("fineYuan")).sendKeys(fineYuan);
		long zhou = jdbc.queryForObject("select id from officer where name = '周杰'", Long.class);
		driver.findElement(By.id("o-" + zhou)).sendKeys(Keys.SPACE);
		driver.findElement(By.id("collect")).sendKeys(Keys.SPACE);
		driver.findElement(By.name("receiptNo")).sendKeys("非税票据 0099");
		java.nio.file.Path photo = java.nio.file.Files.write(java.nio.file.Files.createTempFile("scene", ".png"),
				java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
		driver.findElement(By.id("photo")).sendKeys(photo.toString());
		var page = driver.findElement(By.tagName("html"));
		driver.findElement(By.cssSelector("#onspot-form button[type=submit]")).sendKeys(Keys.ENTER);
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
	}

	@Test
	void aFieldOfficerRecordsAnOnTheSpotFineOnAPhone() throws Exception {
		open(390, 844);
		login("zhzf.zhifa");
		fill("300");
		assertThat(driver.findElement(By.className("alert-danger")).getText()).contains("公民不得超过二百元");
		// what was typed on site is back in the form (only the photo must be chosen again)
		assertThat(driver.findElement(By.id("partyName")).getDomProperty("value")).isEqualTo("手机测试当事人");
		assertThat(driver.findElement(By.id("fineYuan")).getDomProperty("value")).isEqualTo("300");
		assertThat(driver.findElement(By.id("collect")).isSelected()).isTrue();
		assertThat(driver.findElement(By.className("kept-file-note")).getText()).contains("请重新选择");
		fill("50");
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已作出当场处罚决定（芒综执当罚");
		assertThat(driver.findElement(By.id("onspot-status")).getText()).contains("已当场交付", "尚未交回");
		assertThat(driver.findElement(By.id("account")).getText()).contains("已缴清");
		assertThat(driver.findElement(By.id("evidence")).getText()).contains("现场照片");
		Browser.screenshot(driver, "onspot-phone");

		// the decision form as PDF, downloaded from the link on the page
		var page = driver.findElement(By.tagName("html"));
		driver.findElement(By.xpath("//button[text()='生成当场行政处罚决定书']")).sendKeys(Keys.ENTER);
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
		var link = driver.findElement(By.cssSelector("#documents a"));
		assertThat(link.getText()).contains("当场行政处罚决定书", "芒综执当罚", "第1版");
		byte[] pdf = loggedIn("zhzf.zhifa").getBytes(link.getDomAttribute("href"));
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s", "")).contains("当场行政处罚决定书", "罚款50.00元",
					"罚款已由执法人员当场收缴", "执法人员");
			javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 60), "png",
					new java.io.File("target/screenshots/onspot-pdf.png"));
		}
	}
}

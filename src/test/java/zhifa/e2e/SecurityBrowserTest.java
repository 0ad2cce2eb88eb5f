package zhifa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import zhifa.identity.Totp;
import zhifa.support.Browser;
import zhifa.support.BrowserTestBase;

/**
 * On a phone: the 安全管理员 creates an audit administrator, who must change the password and bind an authenticator
 * before anything else, then reads the login log and the signed anchors with their public key.
 */
class SecurityBrowserTest extends BrowserTestBase {

	@Test
	void aNewAuditorBindsAnAuthenticatorAndReadsTheRecord() throws Exception {
		open(390, 844);
		login("anquan");
		get("/accounts/new");
		driver.findElement(By.id("username")).sendKeys("shenji.new");
		driver.findElement(By.id("displayName")).sendKeys("新审计员");
		driver.findElement(By.id("role-AUDIT_ADMIN")).click();
		driver.findElement(By.id("password")).sendKeys("Start#k82x", Keys.ENTER);
		assertThat(driver.findElement(By.className("alert-success")).getText()).contains("已创建账号“shenji.new”");
		// a 三员 account is put to use by a 系统管理员
		var system = loggedIn("admin");
		system.postForm("/accounts/" + userId("shenji.new") + "/enable", java.util.Map.of("_csrf", system.csrf()));
		driver.manage().deleteAllCookies();

		get("/login");
		driver.findElement(By.id("username")).sendKeys("shenji.new");
		driver.findElement(By.id("password")).sendKeys("Start#k82x", Keys.ENTER);
		awaitPath("/account/password");
		driver.findElement(By.id("current")).sendKeys("Start#k82x");
		driver.findElement(By.id("next")).sendKeys("Password1");
		driver.findElement(By.id("repeat")).sendKeys("Password1", Keys.ENTER);
		assertThat(driver.findElement(By.className("alert-danger")).getText()).contains("常见密码");
		Browser.screenshot(driver, "password-common-refused-phone");
		driver.findElement(By.id("current")).sendKeys("Start#k82x");
		driver.findElement(By.id("next")).sendKeys("Lnbx#w47q");
		driver.findElement(By.id("repeat")).sendKeys("Lnbx#w47q", Keys.ENTER);
		awaitPath("/login");
		driver.findElement(By.id("username")).sendKeys("shenji.new");
		driver.findElement(By.id("password")).sendKeys("Lnbx#w47q", Keys.ENTER);
		awaitPath("/account/two-factor");
		get("/records");
		awaitPath("/account/two-factor");
		String secret = driver.findElement(By.id("totp-secret")).getText();
		assertThat(driver.findElement(By.cssSelector(".qr svg")).isDisplayed()).isTrue();
		Browser.screenshot(driver, "two-factor-enrol-phone");
		driver.findElement(By.id("code")).sendKeys(Totp.code(secret, clock.instant().getEpochSecond()), Keys.ENTER);
		assertThat(driver.findElements(By.cssSelector(".recovery-codes li"))).hasSize(10);
		Browser.screenshot(driver, "two-factor-recovery-codes-phone");

		get("/records?kind=LOGINS");
		assertThat(driver.getPageSource()).contains("登录日志", "登录");
		Browser.screenshot(driver, "login-log-phone");
		get("/records/anchors");
		assertThat(driver.getPageSource()).contains("SM2 公钥");
		Browser.screenshot(driver, "record-anchors-phone");
	}
}

package zhifa.support;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/** A real Chromium against the running application: started per test, quit afterwards, with a login helper. */
public abstract class BrowserTestBase extends IntegrationTestBase {

	protected ChromeDriver driver;

	@AfterEach
	void quitBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	protected void open(int width, int height) throws IOException {
		driver = Browser.start(width, height);
	}

	protected void get(String path) {
		driver.get("http://localhost:" + port + path);
	}

	protected void login(String user) {
		get("/login");
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD, Keys.ENTER);
		// the demo administrators use the published authenticator secret; a code is good once, so wait for a new one if needed
		for (int attempt = 0; attempt < 3 && driver.getCurrentUrl().endsWith("/login/two-factor"); attempt++) {
			if (attempt > 0) {
				sleepUntilNextStep();
			}
			driver.findElement(By.id("code")).sendKeys(zhifa.identity.Totp.code(zhifa.identity.TwoFactor.DEMO_SECRET, clock.instant().getEpochSecond()),
					Keys.ENTER);
		}
	}

	private void sleepUntilNextStep() {
		long step = zhifa.identity.Totp.STEP_SECONDS;
		try {
			Thread.sleep((step - clock.instant().getEpochSecond() % step) * 1000 + 200);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}

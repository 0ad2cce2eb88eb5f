package zhifa.support;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** A real Chromium against the running application: started per test, quit afterwards, with a login helper. */
public abstract class BrowserTestBase extends IntegrationTestBase {

	protected WebDriver driver;

	/** axe-core's findings on every page this test's browser showed. */
	protected final Accessibility accessibility = new Accessibility();

	/** Checks the last page too, quits, and fails the test on any serious or critical accessibility violation. */
	@AfterEach
	void quitBrowser() {
		if (driver != null) {
			try {
				accessibility.check(driver);
			}
			catch (org.openqa.selenium.UnhandledAlertException e) {
				// the test ended on a dialog: its pages were checked before
			}
			finally {
				driver.quit();
			}
		}
		if (!accessibility.violations().isEmpty()) {
			throw new AssertionError("axe-core (WCAG 2.0/2.1 A, AA) found serious or critical violations:\n  "
					+ String.join("\n  ", accessibility.violations()));
		}
	}

	protected void open(int width, int height) throws IOException {
		driver = Browser.start(width, height, accessibility);
	}

	protected void get(String path) {
		driver.get("http://localhost:" + port + path);
	}

	/** Presses a form's button and waits for the page it loads (the old page's elements going stale). */
	protected void submit(org.openqa.selenium.WebElement button) {
		button.sendKeys(Keys.ENTER);
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
	}

	/**
	 * A button whose form asks to confirm first (a step that cannot be undone; {@code data-confirm}, which app.js turns into
	 * a confirm()): the question is asked — a "no" leaves the page as it is — and then answered "yes". The page's confirm()
	 * is answered by a stand-in that keeps the question (a headless browser's dialog does not outlive the driver's listener).
	 */
	protected void submitConfirmed(org.openqa.selenium.WebElement button, String question) {
		var js = (org.openqa.selenium.JavascriptExecutor) driver;
		js.executeScript("window.__asked = []; window.confirm = function (q) { window.__asked.push(q); return false; };");
		button.sendKeys(Keys.ENTER);
		org.assertj.core.api.Assertions.assertThat(String.valueOf(js.executeScript("return window.__asked.join('|');"))).contains(question);
		org.assertj.core.api.Assertions.assertThat(button.isDisplayed()).as("a \"no\" sends nothing").isTrue();
		js.executeScript("window.confirm = function () { return true; };");
		submit(button);
	}

	/** Waits until the browser is on a page whose address ends so (after a form that redirects). */
	protected void awaitPath(String suffix) {
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
			.until(d -> d.getCurrentUrl().replaceFirst("\\?.*", "").endsWith(suffix));
	}

	protected void login(String user) {
		get("/login");
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD, Keys.ENTER);
		// the form posts and redirects: wait for it, or a following get() could cancel the login
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
			.until(d -> !d.getCurrentUrl().replaceFirst("\\?.*", "").endsWith("/login"));
		// the demo administrators use the published authenticator secret; a code is good once, so wait for a new one if needed
		for (int attempt = 0; attempt < 3 && driver.getCurrentUrl().replaceFirst("\\?.*", "").endsWith("/login/two-factor"); attempt++) {
			if (attempt > 0) {
				sleepUntilNextStep();
			}
			var page = driver.findElement(By.tagName("html"));
			driver.findElement(By.id("code")).sendKeys(zhifa.identity.Totp.code(zhifa.identity.TwoFactor.DEMO_SECRET, clock.instant().getEpochSecond()),
					Keys.ENTER);
			new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
				.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
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

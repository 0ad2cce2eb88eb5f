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
	}
}

package zhifa.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Selenium, with a fresh profile each time. */
public final class Browser {

	private Browser() {
	}

	/**
	 * The browser. Pressing Enter in a form submits it: the driver then waits for the page the form loads (the old page
	 * going stale), so the next look-up never finds an element of the page being left. After every navigation, click
	 * and submit, the page now shown is checked with axe-core once.
	 */
	public static WebDriver start(int width, int height, Accessibility axe) throws IOException {
		ChromeOptions options = new ChromeOptions();
		String binary = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
		options.setBinary(binary);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("zhifa-chrome").toAbsolutePath(),
				"--window-size=" + width + "," + height);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		driver.manage().window().setSize(new Dimension(width, height));
		return new EventFiringDecorator<WebDriver>(new Listener(driver, axe)).decorate(driver);
	}

	private static boolean pressesEnter(CharSequence... keys) {
		for (CharSequence k : keys) {
			if (k != null && k.toString().contains(Keys.ENTER.toString())) {
				return true;
			}
		}
		return false;
	}

	/** The whole page, not only the visible part: the window grows to the page's height for the picture. */
	public static Path screenshot(WebDriver driver, String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		Dimension size = driver.manage().window().getSize();
		Object height = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
		int full = Math.min(8000, Math.max(size.getHeight(), ((Number) height).intValue() + 120));
		driver.manage().window().setSize(new Dimension(size.getWidth(), full));
		try {
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		finally {
			driver.manage().window().setSize(size);
		}
		return file;
	}

	/**
	 * Waits for the page an Enter loads and has each new page checked with axe-core. Public: the decorator calls it by
	 * reflection, and an anonymous class's methods are not accessible to it (its calls then fail silently).
	 */
	public static final class Listener implements WebDriverListener {
		private final WebDriver driver;
		private final Accessibility axe;

		Listener(WebDriver driver, Accessibility axe) {
			this.driver = driver;
			this.axe = axe;
		}

		private WebElement page;

		@Override
		public void beforeSendKeys(WebElement element, CharSequence... keys) {
			page = pressesEnter(keys) ? driver.findElement(By.tagName("html")) : null;
		}

		@Override
		public void afterSendKeys(WebElement element, CharSequence... keys) {
			if (page != null) {
				try {
					new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.stalenessOf(page));
				}
				catch (TimeoutException | org.openqa.selenium.UnhandledAlertException e) {
					// Enter that loads nothing (a field the browser itself refuses) or asks first: carry on
				}
				page = null;
				check();
			}
		}

		@Override
		public void afterGet(WebDriver d, String url) {
			check();
		}

		@Override
		public void afterClick(WebElement element) {
			check();
		}

		@Override
		public void afterSubmit(WebElement element) {
			check();
		}

		private void check() {
			try {
				axe.check(driver);
			}
			catch (org.openqa.selenium.UnhandledAlertException e) {
				// a confirm() dialog is open: the page is checked after it
			}
		}
	}
}

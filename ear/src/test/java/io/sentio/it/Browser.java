package io.sentio.it;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's headless Chromium driven by Selenium, sized like a phone or a desktop, with screenshots. */
final class Browser implements AutoCloseable {

    static final String PHONE = "390,844";
    static final String DESKTOP = "1280,900";

    final WebDriver driver;

    Browser(String windowSize, String language) {
        try {
            Path profile = Files.createTempDirectory("sentio-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("sentio.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--window-size=" + windowSize, "--lang=" + language);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("sentio.chromedriver", "/usr/bin/chromedriver")))
                    .build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in as admin through the sign-in page and lands on {@code page} (relative to the server root). */
    void signInAsAdmin(Api api, String page) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20));
        driver.get(api.base().resolve("login.html?next=/" + page).toString());
        driver.findElement(org.openqa.selenium.By.id("user")).sendKeys("admin");
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(SentioServer.ADMIN_PASSWORD);
        driver.findElement(org.openqa.selenium.By.id("sign-in-button")).click();
        wait.until(d -> d.getCurrentUrl().contains(page));
    }

    /** Saves a PNG under target/it-work/screenshots, for a person to look at. */
    void screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("sentio.it.work", "target/it-work"), "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package io.sentio.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A CX manager signs in, deploys the ACSI survey to a touchpoint and gets its respondent link. */
@ExtendWith(SharedServer.class)
class DashboardIT {

    @Test
    void signInDeployAndFindTheRespondentLink(Api api) {
        String touchpoint = "store-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser desktop = new Browser(Browser.DESKTOP, "en")) {
            WebDriver browser = desktop.driver;
            // The table is re-rendered after each change: elements found a moment ago may be replaced.
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
            browser.get(api.base().resolve("admin/index.html").toString());
            wait.until(d -> d.getCurrentUrl().contains("login.html"));

            browser.findElement(By.id("user")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys("not-the-password");
            browser.findElement(By.id("sign-in-button")).click();
            wait.until(d -> !d.findElement(By.id("message")).getText().isBlank());
            assertThat(browser.getCurrentUrl()).contains("login.html");

            browser.findElement(By.id("password")).clear();
            browser.findElement(By.id("password")).sendKeys(SentioServer.ADMIN_PASSWORD);
            browser.findElement(By.id("sign-in-button")).click();
            wait.until(d -> d.getCurrentUrl().contains("admin/index.html"));
            wait.until(d -> d.findElements(By.cssSelector("#template option")).size() >= 6);

            new Select(browser.findElement(By.id("template"))).selectByValue("acsi");
            WebElement touchpointField = browser.findElement(By.id("touchpoint"));
            touchpointField.clear();
            touchpointField.sendKeys(touchpoint);
            browser.findElement(By.id("deploy-button")).click();
            wait.until(d -> d.findElement(By.id("deploy-message")).getText().startsWith("Deployed"));
            List<String> row = wait.until(d -> d.findElements(By.cssSelector("#deployments tbody tr")).stream()
                    .filter(r -> r.getText().contains(touchpoint)).findFirst()
                    .map(r -> List.of(r.getText(), r.findElement(By.cssSelector("a.respondent-link")).getDomAttribute("href")))
                    .orElse(null));
            desktop.screenshot("dashboard");
            assertThat(row.get(1)).contains("respond.html?d=");
            assertThat(row.get(0)).contains("acsi").contains("open");
        }
    }
}

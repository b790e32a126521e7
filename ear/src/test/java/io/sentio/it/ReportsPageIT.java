package io.sentio.it;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An executive's view: a touchpoint's report page with its figures, paths, charts and comments. */
@ExtendWith(SharedServer.class)
class ReportsPageIT {

    @Test
    void aTouchpointReportShowsItsFiguresAndHighlightedComments(Api api) throws InterruptedException {
        String touchpoint = "kiosk-" + UUID.randomUUID().toString().substring(0, 6);
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String deployment = api.deploy("acsi", touchpoint).getString("id");
        Random random = new Random(7);
        int promoters = 0;
        int detractors = 0;
        int n = 40;
        for (int i = 0; i < n; i++) {
            int level = 3 + random.nextInt(8);
            int nps = Math.min(10, level);
            promoters += nps >= 9 ? 1 : 0;
            detractors += nps <= 6 ? 1 : 0;
            var answers = Json.createObjectBuilder();
            for (String item : List.of("CE1", "CE2", "CE3", "PQ1", "PQ2", "PQ3", "PV1", "PV2", "SAT1", "SAT2", "SAT3",
                    "CL1", "CL2")) {
                answers.add(item, Math.max(1, Math.min(10, level + random.nextInt(3) - 1)));
            }
            answers.add("CC1", random.nextInt(4) == 0 ? 1 : 0).add("NPS", nps)
                    .add("COMMENT", "The " + word + " was <b>slow</b> today");
            assertThat(api.post("deployments/" + deployment + "/responses",
                    Api.submission(UUID.randomUUID().toString(), "en", answers.build())).status()).isEqualTo(201);
        }
        double expectedNps = 100.0 * (promoters - detractors) / n;

        try (Browser desktop = new Browser(Browser.DESKTOP, "en")) {
            WebDriver browser = desktop.driver;
            desktop.signInAsAdmin(api, "admin/reports.html");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(120)).pollingEvery(Duration.ofSeconds(2))
                    .ignoring(StaleElementReferenceException.class);
            // Reports read aggregates folded in the background: wait until the touchpoint has all its answers.
            long deadline = System.currentTimeMillis() + 60_000;
            while (!api.asAdmin().get("touchpoints").array().stream().map(v -> v.asJsonObject())
                    .anyMatch(t -> t.getString("touchpoint").equals(touchpoint) && t.getInt("responses") == n)) {
                assertThat(System.currentTimeMillis()).as("folded within a minute").isLessThan(deadline);
                Thread.sleep(500);
            }
            browser.navigate().refresh();
            WebElement row = wait.until(d -> d.findElement(By.cssSelector("tr[data-touchpoint='" + touchpoint + "']")));
            assertThat(row.getText()).contains(Integer.toString(n));
            row.click();
            wait.until(d -> d.findElements(By.cssSelector("#paths tbody tr")).size() == 9);
            wait.until(d -> d.findElements(By.cssSelector("#comments li")).size() == 20);
            browser.findElement(By.id("q")).sendKeys(word);
            browser.findElement(By.cssSelector("#search button")).click();
            wait.until(d -> d.findElements(By.cssSelector("#comments li mark")).size() > 0);
            desktop.screenshot("reports");

            assertThat(browser.findElement(By.id("responses")).getText()).isEqualTo(Integer.toString(n));
            assertThat(browser.findElement(By.id("nps")).getText()).startsWith(String.format("%.1f", expectedNps));
            assertThat(browser.findElement(By.id("acsi")).getText()).matches("\\d+\\.\\d \\[\\d+\\.\\d, \\d+\\.\\d\\]");
            List<WebElement> marks = browser.findElements(By.cssSelector("#comments li mark"));
            assertThat(marks).isNotEmpty().allSatisfy(m -> assertThat(m.getText()).isEqualToIgnoringCase(word));
            assertThat(browser.findElements(By.cssSelector("#comments li b"))).as("markup in comments stays text").isEmpty();
            assertThat(browser.findElement(By.id("comments")).getText()).contains("<b>slow</b>");
        }
    }
}

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

import static io.sentio.it.CommentSearchIT.awaitTotal;
import static io.sentio.it.CommentSearchIT.submit;
import static io.sentio.it.CommentSearchIT.touchpoint;
import static io.sentio.it.CommentSearchIT.word;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CX manager's comment search page in headless Chromium: a query finds a survey comment with its word
 * highlighted and markup shown as text, "more" loads the next page, and choosing a source facet filters.
 */
@ExtendWith(SharedServer.class)
class SearchPageIT {

    @Test
    void searchSeeHighlightedHitsLoadMoreAndFilterBySource(Api api) {
        String word = word();
        String tp = touchpoint();
        String deployment = api.deploy("nps", tp).getString("id");
        submit(api, deployment, "en", 2, "<img src=x onerror=alert(1)> the " + word + " was late");
        for (int i = 0; i < 21; i++) {
            submit(api, deployment, "en", 8, "comment " + i + " about the " + word);
        }
        assertThat(api.asAdmin().post("interactions", Json.createObjectBuilder().add("id", "page-" + word)
                .add("customer", "page-customer").add("touchpoint", "phone").add("channel", "phone").add("type", "call")
                .add("note", "the caller asked about the " + word).add("date", "2026-02-01").build()).status()).isEqualTo(201);
        awaitTotal(api, "q=" + word, 23);

        try (Browser desktop = new Browser(Browser.DESKTOP, "en")) {
            WebDriver browser = desktop.driver;
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
            desktop.signInAsAdmin(api, "admin/search.html");
            // the sign-in page's own URL names the target page: wait for the search page itself
            wait.until(d -> d.getCurrentUrl().contains("/admin/search.html") && !d.findElements(By.id("q")).isEmpty());
            browser.findElement(By.id("q")).sendKeys(word);
            browser.findElement(By.id("search-button")).click();
            try {
                wait.until(d -> d.findElement(By.id("search-total")).getText().equals("23 comments"));
            } catch (org.openqa.selenium.TimeoutException e) {
                desktop.screenshot("search-failed");
                throw new AssertionError("page shows '" + browser.findElement(By.id("search-total")).getText()
                        + "' with " + hits(browser).size() + " hits at " + browser.getCurrentUrl(), e);
            }
            assertThat(hits(browser)).hasSize(20);
            List<WebElement> marks = browser.findElements(By.cssSelector("#hits li mark"));
            assertThat(marks).isNotEmpty().allSatisfy(m -> assertThat(m.getText()).isEqualTo(word));
            assertThat(browser.findElements(By.cssSelector("#hits img"))).as("markup stays text").isEmpty();
            desktop.screenshot("search");

            browser.findElement(By.id("more")).click();
            wait.until(d -> hits(d).size() == 23);
            assertThat(browser.findElement(By.id("more")).isDisplayed()).isFalse();
            assertThat(hits(browser)).as("the oldest comment, on the second page: its markup shown as text")
                    .anyMatch(li -> li.getText().contains("<img src=x onerror=alert(1)>"));
            assertThat(browser.findElements(By.cssSelector("#hits img"))).isEmpty();

            WebElement interaction = wait.until(d -> d.findElements(By.cssSelector("ul[data-dimension=source] button")).stream()
                    .filter(b -> b.getText().equals("interaction (1)")).findFirst().orElse(null));
            interaction.click();
            wait.until(d -> d.findElement(By.id("search-total")).getText().equals("1 comment"));
            assertThat(hits(browser)).singleElement().satisfies(li -> assertThat(li.getText())
                    .contains("interaction").contains("phone").contains("interactions/page-" + word));
        }
    }

    private static List<WebElement> hits(WebDriver browser) {
        return browser.findElements(By.cssSelector("#hits li.hit"));
    }
}

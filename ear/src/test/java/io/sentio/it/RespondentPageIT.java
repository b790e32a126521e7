package io.sentio.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A respondent answers the ACSI survey in simplified Chinese on a phone-sized headless Chromium. */
@ExtendWith(SharedServer.class)
class RespondentPageIT {

    private Browser phone;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        phone = new Browser(Browser.PHONE, "zh-CN");
        browser = phone.driver;
    }

    @AfterEach
    void closeBrowser() {
        phone.close();
    }

    @Test
    void aRespondentAnswersTheAcsiSurveyInChineseOnAPhone(Api api) {
        var deployment = api.deploy("acsi", "phone");
        browser.get(deployment.getString("link") + "&lang=zh-CN");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.cssSelector(".sd-root-modern, .sd-container-modern")).getText())
                .containsPattern("\\p{IsHan}");

        // Completing without answering shows validation errors and stays on the page.
        clickNavigation();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sd-question__erbox, .sd-element__erbox")));

        for (int page = 0; page < 10; page++) {
            answerVisibleQuestions();
            screenshot("respondent-page-" + page);
            if (!clickNavigation()) {
                break;
            }
            if ("true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-submitted"))) {
                break;
            }
        }
        wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-submitted") != null);
        screenshot("respondent-page-done");
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-submitted")).isEqualTo("true");
        assertThat(CollectionApiIT.count(api, deployment.getString("id"))).isEqualTo(1);
        assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                .as("no horizontal scrolling at phone width").isLessThanOrEqualTo(0L);
    }

    private void answerVisibleQuestions() {
        List<WebElement> questions = browser.findElements(By.cssSelector("div[data-name]"));
        for (WebElement question : questions) {
            if (!question.isDisplayed()) {
                continue;
            }
            List<WebElement> ratings = question.findElements(By.cssSelector(".sd-rating__item"));
            List<WebElement> dropdowns = question.findElements(By.cssSelector(".sd-dropdown"));
            List<WebElement> radios = question.findElements(By.cssSelector("input[type=radio]"));
            List<WebElement> text = question.findElements(By.cssSelector("textarea"));
            if (!ratings.isEmpty()) {
                ratings.stream().filter(r -> r.getText().trim().equals("8")).findFirst()
                        .orElse(ratings.get(ratings.size() - 1)).click();
            } else if (!dropdowns.isEmpty()) {
                // At phone width SurveyJS renders a rating scale as a drop-down list.
                dropdowns.get(0).click();
                WebElement item = new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d
                        .findElements(By.cssSelector(".sv-popup:not([style*='display: none']) .sv-list__item")).stream()
                        .filter(e -> e.isDisplayed() && e.getText().trim().equals("8")).findFirst().orElse(null));
                item.click();
            } else if (!radios.isEmpty()) {
                WebElement no = radios.stream().filter(r -> "0".equals(r.getDomAttribute("value"))).findFirst()
                        .orElse(radios.get(0));
                no.findElement(By.xpath("./ancestor::label")).click();
            } else if (!text.isEmpty()) {
                text.get(0).sendKeys("电话客服很耐心，问题解决了。");
            }
        }
    }

    /** Clicks Next or Complete; false if neither is shown. */
    private boolean clickNavigation() {
        for (String selector : List.of(".sd-navigation__next-btn", ".sd-navigation__complete-btn")) {
            for (WebElement button : browser.findElements(By.cssSelector(selector))) {
                if (button.isDisplayed()) {
                    button.click();
                    return true;
                }
            }
        }
        return false;
    }

    private void screenshot(String name) {
        phone.screenshot(name);
    }
}

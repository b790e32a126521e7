package io.sentio.templates;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

/** The localization check must catch the mistakes it exists for, or its silence on the templates means nothing. */
class LocalizedTextsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void acceptsACompleteLocalizedText() {
        assertThat(LocalizedTexts.problems(json("{'title':{'default':'Quality','zh-cn':'质量','zh-tw':'品質'}}"))).isEmpty();
    }

    @Test
    void flagsAPlainStringTitleDeepInAPage() {
        assertThat(LocalizedTexts.problems(json("{'pages':[{'elements':[{'name':'Q','title':'Quality'}]}]}")))
                .singleElement().asString().startsWith("/pages/0/elements/0/title");
    }

    @Test
    void flagsAMissingOrBlankLocale() {
        assertThat(LocalizedTexts.problems(json("{'description':{'default':'Quality','zh-cn':'质量'}}"))).isNotEmpty();
        assertThat(LocalizedTexts.problems(json("{'description':{'default':'Quality','zh-cn':'质量','zh-tw':' '}}")))
                .anyMatch(p -> p.contains("zh-tw"));
    }

    @Test
    void flagsChoiceTextsAndEnglishLeftInAChineseLocale() {
        assertThat(LocalizedTexts.problems(json(
                "{'choices':[{'value':1,'text':{'default':'Yes','zh-cn':'Yes','zh-tw':'是'}}]}")))
                .singleElement().asString().contains("/choices/0/text/zh-cn");
    }

    @Test
    void flagsTheWrongChineseScript() {
        assertThat(LocalizedTexts.problems(json("{'title':{'default':'Quality','zh-cn':'質量','zh-tw':'品質'}}")))
                .singleElement().asString().contains("traditional character 質");
        assertThat(LocalizedTexts.problems(json("{'title':{'default':'Quality','zh-cn':'质量','zh-tw':'质量'}}")))
                .singleElement().asString().contains("simplified character 质");
    }

    @Test
    void ignoresSentioMetadataWhichRespondentsNeverSee() {
        assertThat(LocalizedTexts.problems(json("{'sentio':{'title':{'en':'x'}}}"))).isEmpty();
    }
}

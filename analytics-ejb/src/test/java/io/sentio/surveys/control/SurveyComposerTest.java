package io.sentio.surveys.control;

import io.sentio.surveys.entity.AnswerViolation;
import io.sentio.surveys.entity.InvalidSurveyException;
import io.sentio.surveys.entity.ItemKind;
import io.sentio.surveys.entity.SurveyItem;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyComposerTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog();
    private final SurveyComposer composer = new SurveyComposer();
    private final AnswerValidator validator = new AnswerValidator();

    private static final String EXTRAS = """
            [{"type":"dropdown","name":"STORE","title":{"default":"Which store did you visit?","zh-cn":"您去了哪家门店？","zh-tw":"您去了哪家門市？"},
              "isRequired":true,"choices":["north","south"]},
             {"type":"boolean","name":"FIRST_VISIT","title":"Was this your first visit?"},
             {"type":"text","name":"ORDER_REF","title":"Order number (optional)"},
             {"type":"rating","name":"STAFF","title":"How helpful were our staff?","isRequired":true,
              "rateMin":1,"rateMax":10,"construct":"quality"}]""";

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void insertsExtraQuestionsBeforeTheClosingCommentAndKeepsTheTemplateItems() {
        SurveyTemplate acsi = CATALOG.latest("acsi");
        SurveyTemplate survey = composer.compose(acsi, null, EXTRAS);

        List<String> names = survey.items().stream().map(SurveyItem::name).toList();
        List<String> templateNames = acsi.items().stream().map(SurveyItem::name).toList();
        assertThat(names).hasSize(templateNames.size() + 4)
                .startsWith(templateNames.subList(0, templateNames.size() - 1).toArray(String[]::new))
                .endsWith("STORE", "FIRST_VISIT", "ORDER_REF", "STAFF", "COMMENT");
        assertThat(survey.items()).containsAll(acsi.items());
        assertThat(survey.id()).isEqualTo("acsi");
        assertThat(survey.version()).isEqualTo(1);
        assertThat(survey.item("STORE").orElseThrow()).extracting(SurveyItem::kind, SurveyItem::allowedValues)
                .containsExactly(ItemKind.CHOICE, java.util.Set.of("north", "south"));
        assertThat(survey.item("FIRST_VISIT").orElseThrow().kind()).isEqualTo(ItemKind.BOOLEAN);
        assertThat(survey.item("ORDER_REF").orElseThrow().required()).isFalse();
        assertThat(survey.itemsOf("quality")).extracting(SurveyItem::name).containsExactly("PQ1", "PQ2", "PQ3", "STAFF");
        assertThat(acsi.items()).noneMatch(i -> i.name().equals("STORE"));
    }

    @Test
    void extraQuestionsAreValidatedLikeTemplateItems() {
        SurveyTemplate survey = composer.compose(CATALOG.latest("nps"), null, EXTRAS);
        Map<String, Object> good = new LinkedHashMap<>(Map.of("NPS", 9, "STORE", "north", "STAFF", 8,
                "FIRST_VISIT", true, "ORDER_REF", "A-1001"));
        assertThat(validator.validate(survey, good)).isEmpty();
        Map<String, Object> bad = new LinkedHashMap<>(Map.of("NPS", 9, "STORE", "east", "STAFF", 8,
                "FIRST_VISIT", "yes", "ORDER_REF", 1001));
        assertThat(validator.validate(survey, bad)).extracting(AnswerViolation::field)
                .containsExactlyInAnyOrder("STORE", "FIRST_VISIT", "ORDER_REF");
        assertThat(validator.validate(survey, Map.of("NPS", 9))).extracting(AnswerViolation::field)
                .containsExactlyInAnyOrder("STORE", "STAFF");
    }

    @Test
    void setsTheTitleInTheGivenLanguages() {
        SurveyTemplate survey = composer.compose(CATALOG.latest("csat"),
                Map.of("en", "Store visit survey", "zh-CN", "门店到访调查", "zh-TW", "門市到訪調查"), null);
        assertThat(survey.title()).isEqualTo("Store visit survey");
        JsonObject def = json(survey.definition());
        assertThat(def.getJsonObject("title")).isEqualTo(json("""
                {"default":"Store visit survey","zh-cn":"门店到访调查","zh-tw":"門市到訪調查"}"""));
        assertThat(def.getJsonObject("sentio").getJsonObject("title").getString("zh-TW")).isEqualTo("門市到訪調查");
        assertThat(survey.items()).isEqualTo(CATALOG.latest("csat").items());

        SurveyTemplate chineseOnly = composer.compose(CATALOG.latest("csat"), Map.of("zh-cn", "门店到访调查"), null);
        assertThat(json(chineseOnly.definition()).getJsonObject("title").getString("default")).isEqualTo("门店到访调查");
    }

    @Test
    void refusesExtrasThatCollideOrCannotBeChecked() {
        SurveyTemplate acsi = CATALOG.latest("acsi");
        assertThatThrownBy(() -> composer.compose(acsi, null, "[{\"type\":\"rating\",\"name\":\"CE1\",\"title\":\"x\"}]"))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("CE1").hasMessageContaining("twice");
        assertThatThrownBy(() -> composer.compose(acsi, null, "[{\"type\":\"checkbox\",\"name\":\"Q\",\"title\":\"x\",\"choices\":[1,2]}]"))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("Q").hasMessageContaining("checkbox");
        assertThatThrownBy(() -> composer.compose(acsi, null, "[{\"type\":\"text\",\"name\":\"$where\",\"title\":\"x\"}]"))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("$where");
        assertThatThrownBy(() -> composer.compose(acsi, null, "[{\"type\":\"text\",\"name\":\"a.b\",\"title\":\"x\"}]"))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("a.b");
        assertThatThrownBy(() -> composer.compose(acsi, null, "[{\"type\":\"text\",\"name\":\"Q\"}]"))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("extraQuestions[0]").hasMessageContaining("title");
        assertThatThrownBy(() -> composer.compose(acsi, null, "[{\"type\":\"radiogroup\",\"name\":\"Q\",\"title\":\"x\","
                + "\"choices\":[\"a\"],\"showOtherItem\":true}]"))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("showOtherItem");
        assertThatThrownBy(() -> composer.compose(acsi, null, "{\"type\":\"text\"}"))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("array");
        assertThatThrownBy(() -> composer.compose(acsi, null, "[{"))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("not valid JSON");
        String many = "[" + String.join(",", java.util.Collections.nCopies(SurveyComposer.MAX_EXTRA_QUESTIONS + 1,
                "{\"type\":\"text\",\"name\":\"Q\",\"title\":\"x\"}")) + "]";
        assertThatThrownBy(() -> composer.compose(acsi, null, many))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("at most");
    }

    @Test
    void refusesTitlesInOtherLanguagesOrOfTheWrongLength() {
        SurveyTemplate nps = CATALOG.latest("nps");
        assertThatThrownBy(() -> composer.compose(nps, Map.of("fr", "Enquête"), null))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("title.fr");
        assertThatThrownBy(() -> composer.compose(nps, Map.of("en", " "), null))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("title.en");
        assertThatThrownBy(() -> composer.compose(nps, Map.of("en", "x".repeat(201)), null))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("title.en");
    }

    @Test
    void composingNothingGivesTheTemplateBack() {
        SurveyTemplate ces = CATALOG.latest("ces");
        SurveyTemplate same = composer.compose(ces, Map.of(), " ");
        assertThat(same.items()).isEqualTo(ces.items());
        assertThat(same.title()).isEqualTo(ces.title());
        assertThat(json(same.definition())).isEqualTo(json(ces.definition()));
    }
}

package io.sentio.surveys.control;

import io.sentio.surveys.entity.InvalidSurveyException;
import io.sentio.surveys.entity.ItemKind;
import io.sentio.surveys.entity.SurveyItem;
import io.sentio.surveys.entity.SurveyTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateParserTest {

    private final TemplateParser parser = new TemplateParser();

    /** A minimal definition with the given question objects on one page. */
    private static String survey(String... questions) {
        return """
                {"sentio":{"id":"t","version":2,"languages":["en","zh-CN"],"title":{"en":"Test","zh-CN":"测试"}},
                 "title":"Visible","pages":[{"name":"p","elements":[%s]}]}""".formatted(String.join(",", questions));
    }

    @Test
    void readsMetadataAndItems() {
        SurveyTemplate t = parser.parse(survey(
                "{\"type\":\"rating\",\"name\":\"R\",\"isRequired\":true,\"rateMin\":0,\"rateMax\":10,\"measure\":\"nps\"}",
                "{\"type\":\"panel\",\"name\":\"P\",\"elements\":[{\"type\":\"rating\",\"name\":\"D\"}]}",
                "{\"type\":\"html\",\"name\":\"H\",\"html\":\"<p>hi</p>\"}",
                "{\"type\":\"comment\",\"name\":\"COMMENT\",\"measure\":\"comment\"}"));
        assertThat(t.id()).isEqualTo("t");
        assertThat(t.version()).isEqualTo(2);
        assertThat(t.title()).isEqualTo("Test");
        assertThat(t.languages()).containsExactly("en", "zh-CN");
        assertThat(t.items()).containsExactly(
                SurveyItem.rating("R", null, "nps", 0, 10),
                new SurveyItem("D", ItemKind.RATING, null, null, 1, 5, false, java.util.Set.of()),
                SurveyItem.comment("COMMENT", false));
    }

    @Test
    void conditionalQuestionsAreOptionalBecauseTheServerDoesNotEvaluateExpressions() {
        SurveyTemplate t = parser.parse(survey(
                "{\"type\":\"rating\",\"name\":\"A\",\"isRequired\":true}",
                "{\"type\":\"rating\",\"name\":\"B\",\"isRequired\":true,\"visibleIf\":\"{A} < 3\"}",
                "{\"type\":\"panel\",\"name\":\"P\",\"enableIf\":\"{A} > 1\",\"elements\":[{\"type\":\"text\",\"name\":\"C\",\"isRequired\":true}]}"));
        assertThat(t.items()).extracting(SurveyItem::required).containsExactly(true, false, false);
    }

    @Test
    void numericAndStringChoices() {
        SurveyTemplate t = parser.parse(survey(
                "{\"type\":\"radiogroup\",\"name\":\"N\",\"choices\":[{\"value\":1,\"text\":\"Yes\"},{\"value\":0,\"text\":\"No\"}]}",
                "{\"type\":\"dropdown\",\"name\":\"S\",\"choices\":[\"a\",{\"value\":\"b\",\"text\":\"B\"}]}"));
        assertThat(t.item("N").orElseThrow()).extracting(SurveyItem::scaleMin, SurveyItem::scaleMax, SurveyItem::numeric)
                .containsExactly(0, 1, true);
        assertThat(t.item("S").orElseThrow()).extracting(SurveyItem::allowedValues, SurveyItem::numeric)
                .containsExactly(java.util.Set.of("a", "b"), false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"type\":\"rating\",\"name\":\"Q\",\"rateValues\":[1,2,3]} | rateValues",
            "{\"type\":\"rating\",\"name\":\"Q\",\"rateStep\":2} | rateStep",
            "{\"type\":\"rating\",\"name\":\"Q\",\"rateMin\":1,\"rateMax\":10,\"scaleMax\":7} | scaleMin/scaleMax disagree",
            "{\"type\":\"rating\",\"name\":\"Q\",\"rateMin\":5,\"rateMax\":5} | must be below rateMax",
            "{\"type\":\"rating\",\"name\":\"Q\",\"rateMax\":10,\"rateCount\":5} | rateCount",
            "{\"type\":\"rating\",\"name\":\"Q\",\"valueName\":\"other\"} | valueName",
            "{\"type\":\"rating\",\"name\":\"Q\",\"showCommentArea\":true} | showCommentArea",
            "{\"type\":\"radiogroup\",\"name\":\"Q\",\"choices\":[1,\"a\"]} | mix numbers and strings",
            "{\"type\":\"radiogroup\",\"name\":\"Q\",\"choices\":[1.5,2]} | not a whole number",
            "{\"type\":\"radiogroup\",\"name\":\"Q\",\"choices\":[\"a\",\"a\"]} | twice",
            "{\"type\":\"radiogroup\",\"name\":\"Q\",\"choices\":[]} | at least one choice",
            "{\"type\":\"dropdown\",\"name\":\"Q\",\"choices\":[\"a\"],\"showNoneItem\":true} | showNoneItem",
            "{\"type\":\"dropdown\",\"name\":\"Q\",\"choicesByUrl\":{\"url\":\"http://x\"}} | choicesByUrl",
            "{\"type\":\"boolean\",\"name\":\"Q\",\"valueTrue\":\"yes\"} | valueTrue",
            "{\"type\":\"text\",\"name\":\"Q\",\"inputType\":\"number\"} | inputType",
            "{\"type\":\"checkbox\",\"name\":\"Q\",\"choices\":[1,2]} | \"checkbox\" is not supported",
            "{\"type\":\"matrix\",\"name\":\"Q\"} | \"matrix\" is not supported",
            "{\"type\":\"expression\",\"name\":\"Q\",\"expression\":\"1\"} | \"expression\" is not supported",
            "{\"type\":\"rating\",\"name\":\"Q\",\"construct\":\"Quality!\"} | Q.construct",
            "{\"type\":\"rating\",\"name\":\"9Q\"} | not a valid item name",
            "{\"type\":\"rating\"} | name: must be a non-empty string"})
    void refusesWhatTheValidatorCouldNotCheckExactly(String question, String reason) {
        assertThatThrownBy(() -> parser.parse(survey(question)))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining(reason);
    }

    @Test
    void refusesBrokenDefinitions() {
        assertThatThrownBy(() -> parser.parse(survey("{\"type\":\"rating\",\"name\":\"Q\"}", "{\"type\":\"text\",\"name\":\"Q\"}")))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("Q").hasMessageContaining("twice");
        assertThatThrownBy(() -> parser.parse("{\"pages\":[]}"))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("sentio");
        assertThatThrownBy(() -> parser.parse(survey()))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("at least one item");
        assertThatThrownBy(() -> parser.parse(survey("{\"type\":\"rating\",\"name\":\"Q\",\"name\":\"R\"}")))
                .as("duplicate JSON keys").isInstanceOf(InvalidSurveyException.class);
        assertThatThrownBy(() -> parser.parse(survey("{\"type\":\"rating\",\"name\":\"Q\"}").replace("\"title\":\"Visible\"",
                "\"triggers\":[{\"type\":\"setvalue\"}]")))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("triggers");
        assertThatThrownBy(() -> parser.parse("not json")).isInstanceOf(InvalidSurveyException.class);
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(InvalidSurveyException.class);
    }
}

package io.sentio.templates;

import io.sentio.templates.TemplateFiles.TemplateFile;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules every template file obeys, whatever its kind. */
class TemplateFilesTest {

    static final Set<String> CONSTRUCTS =
            Set.of("expectation", "quality", "value", "satisfaction", "complaints", "loyalty", "image");
    static final Set<String> MEASURES = Set.of("nps", "csat", "ces", "comment");
    /** Question types a template may use; the answer validator knows exactly these. */
    static final Set<String> TYPES = Set.of("rating", "radiogroup", "dropdown", "boolean", "text", "comment");

    static List<TemplateFile> templates() {
        return TemplateFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void declaresItsOwnIdVersionAndTheThreeLanguages(TemplateFile file) {
        JsonObject sentio = file.json().getJsonObject("sentio");
        assertThat(sentio).as("root \"sentio\" metadata").isNotNull();
        assertThat(sentio.getString("id")).isEqualTo(file.id());
        assertThat(sentio.getInt("version")).isEqualTo(file.version());
        assertThat(sentio.getJsonArray("languages").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()))
                .containsExactly("en", "zh-CN", "zh-TW");
        JsonObject title = sentio.getJsonObject("title");
        assertThat(title.keySet()).containsExactlyInAnyOrder("en", "zh-CN", "zh-TW");
        title.values().forEach(v -> assertThat(((jakarta.json.JsonString) v).getString()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void itemNamesAreUniqueAndSafeAsStorageKeys(TemplateFile file) {
        List<JsonObject> questions = TemplateFiles.questions(file.json());
        assertThat(questions).isNotEmpty();
        Set<String> seen = new HashSet<>();
        for (JsonObject q : questions) {
            String name = q.getString("name", "");
            // Item names become MongoDB field names and API keys: no '$', no '.', no spaces.
            assertThat(name).as("item name in %s", file).matches("[A-Za-z][A-Za-z0-9_]{0,63}");
            assertThat(seen.add(name)).as("%s: duplicate item name %s", file, name).isTrue();
            assertThat(TYPES).as("%s: type of %s", file, name).contains(q.getString("type"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyVisibleTextIsInEnglishSimplifiedAndTraditionalChinese(TemplateFile file) {
        assertThat(LocalizedTexts.problems(file.json())).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTextTheRespondentNeedsIsThere(TemplateFile file) {
        JsonObject survey = file.json();
        List<String> missing = new ArrayList<>();
        for (String key : List.of("title", "description", "completedHtml")) {
            if (!survey.containsKey(key)) {
                missing.add("/" + key);
            }
        }
        for (JsonValue page : survey.getJsonArray("pages")) {
            if (!page.asJsonObject().containsKey("title")) {
                missing.add("page " + page.asJsonObject().getString("name", "?") + " title");
            }
        }
        for (JsonObject q : TemplateFiles.questions(survey)) {
            String name = q.getString("name");
            if (!q.containsKey("title")) {
                missing.add(name + " title");
            }
            if (q.getString("type").equals("rating")) {
                for (String key : List.of("minRateDescription", "maxRateDescription")) {
                    if (!q.containsKey(key)) {
                        missing.add(name + " " + key);
                    }
                }
            }
            if (q.containsKey("choices")) {
                for (JsonValue c : q.getJsonArray("choices")) {
                    if (c.getValueType() != JsonValue.ValueType.OBJECT || !c.asJsonObject().containsKey("text")) {
                        missing.add(name + " choice " + c + " text");
                    }
                }
            }
        }
        assertThat(missing).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyScaledItemCarriesItsRoleAndAScaleThatSurveyJsRenders(TemplateFile file) {
        for (JsonObject q : TemplateFiles.questions(file.json())) {
            String type = q.getString("type");
            String name = q.getString("name");
            if (!type.equals("rating") && !type.equals("radiogroup")) {
                continue;
            }
            String construct = q.getString("construct", null);
            String measure = q.getString("measure", null);
            assertThat(construct != null || measure != null)
                    .as("%s.%s has a construct or a measure", file, name).isTrue();
            if (construct != null) {
                assertThat(CONSTRUCTS).as("%s.%s construct", file, name).contains(construct);
            }
            if (measure != null) {
                assertThat(MEASURES).as("%s.%s measure", file, name).contains(measure);
            }
            assertThat(q.getBoolean("isRequired", false)).as("%s.%s is required", file, name).isTrue();
            int scaleMin = q.getInt("scaleMin");
            int scaleMax = q.getInt("scaleMax");
            assertThat(scaleMin).as("%s.%s scale", file, name).isLessThan(scaleMax);
            if (type.equals("rating")) {
                // What SurveyJS renders is rateMin..rateMax in steps of rateStep (default 1).
                assertThat(q.getInt("rateMin")).as("%s.%s rateMin", file, name).isEqualTo(scaleMin);
                assertThat(q.getInt("rateMax")).as("%s.%s rateMax", file, name).isEqualTo(scaleMax);
                assertThat(q.getInt("rateStep", 1)).as("%s.%s rateStep", file, name).isEqualTo(1);
                assertThat(q.containsKey("rateValues")).as("%s.%s uses rateValues", file, name).isFalse();
                assertThat(q.containsKey("rateCount")).as("%s.%s uses rateCount", file, name).isFalse();
            } else {
                List<Integer> values = q.getJsonArray("choices").stream()
                        .map(c -> ((JsonNumber) c.asJsonObject().get("value")).intValueExact()).toList();
                assertThat(values).as("%s.%s choice values", file, name).doesNotHaveDuplicates();
                assertThat(values.stream().mapToInt(Integer::intValue).min().orElseThrow()).isEqualTo(scaleMin);
                assertThat(values.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(scaleMax);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void endsWithAnOptionalOpenComment(TemplateFile file) {
        List<JsonObject> questions = TemplateFiles.questions(file.json());
        JsonObject last = questions.getLast();
        assertThat(last.getString("name")).isEqualTo("COMMENT");
        assertThat(last.getString("type")).isEqualTo("comment");
        assertThat(last.getBoolean("isRequired", false)).isFalse();
        assertThat(last.getString("measure")).isEqualTo("comment");
        // The same bound as the server's answer validator, so the page stops typing where the API would refuse.
        assertThat(last.getInt("maxLength")).isEqualTo(10_000);
        JsonObject lastPage = file.json().getJsonArray("pages").getJsonObject(file.json().getJsonArray("pages").size() - 1);
        List<JsonValue> elements = lastPage.getJsonArray("elements");
        assertThat(elements.getLast().asJsonObject().getString("name")).isEqualTo("COMMENT");
    }
}

package io.sentio.surveys.control;

import io.sentio.surveys.entity.AnswerViolation;
import io.sentio.surveys.entity.InvalidAnswersException;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerValidatorTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog();
    private static final SurveyTemplate ACSI = CATALOG.latest("acsi");

    private final AnswerValidator validator = new AnswerValidator();

    /** A complete, valid ACSI answer set, written out by hand from the item list. */
    private static Map<String, Object> acsi() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("CE1", 8);
        a.put("CE2", 7);
        a.put("CE3", 9);
        a.put("PQ1", 8);
        a.put("PQ2", 6);
        a.put("PQ3", 10);
        a.put("PV1", 7);
        a.put("PV2", 5);
        a.put("SAT1", 8);
        a.put("SAT2", 7);
        a.put("SAT3", 6);
        a.put("CC1", 0);
        a.put("CL1", 9);
        a.put("CL2", 4);
        a.put("NPS", 9);
        a.put("COMMENT", "送货很快，客服也很耐心。");
        return a;
    }

    private static Map<String, Object> acsiWith(String key, Object value) {
        Map<String, Object> a = acsi();
        a.put(key, value);
        return a;
    }

    private static Map<String, Object> acsiWithout(String key) {
        Map<String, Object> a = acsi();
        a.remove(key);
        return a;
    }

    private List<AnswerViolation> validate(Map<String, ?> answers) {
        return validator.validate(ACSI, answers);
    }

    @Test
    void aCompleteAcsiAnswerIsValid() {
        assertThat(validate(acsi())).isEmpty();
        assertThat(validate(acsiWithout("COMMENT"))).as("COMMENT is optional").isEmpty();
        assertThat(validate(acsiWith("COMMENT", "  "))).as("a blank comment is no comment").isEmpty();
        assertThat(validate(acsiWith("COMMENT", null))).isEmpty();
    }

    @Test
    void scaleEndsAreValid() {
        Map<String, Object> low = acsi();
        Map<String, Object> high = acsi();
        ACSI.items().stream().filter(i -> i.hasScale()).forEach(i -> {
            low.put(i.name(), i.scaleMin());
            high.put(i.name(), i.scaleMax());
        });
        assertThat(low).containsEntry("NPS", 0).containsEntry("CE1", 1).containsEntry("CC1", 0);
        assertThat(high).containsEntry("NPS", 10).containsEntry("CE1", 10).containsEntry("CC1", 1);
        assertThat(validate(low)).isEmpty();
        assertThat(validate(high)).isEmpty();
    }

    @Test
    void unknownItem() {
        assertThat(validate(acsiWith("CE4", 5)))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("CE4");
                    assertThat(v.reason()).startsWith("unknown item");
                });
        assertThat(validate(acsiWith("ce1", 5))).as("names are case-sensitive")
                .extracting(AnswerViolation::field).containsExactly("ce1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$where", "$gt", "CE1.x", "a.b", "nul\0l"})
    void keysMongoDbWouldInterpretAreRefused(String key) {
        assertThat(validate(acsiWith(key, 5))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(key);
            assertThat(v.reason()).startsWith("reserved characters");
        });
    }

    @Test
    void outOfRange() {
        assertThat(validate(acsiWith("CE1", 11))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("CE1");
            assertThat(v.reason()).isEqualTo("out of range: 11 is not within 1 to 10");
        });
        assertThat(validate(acsiWith("CE1", 0))).extracting(AnswerViolation::field).containsExactly("CE1");
        assertThat(validate(acsiWith("NPS", -1))).extracting(AnswerViolation::field).containsExactly("NPS");
        assertThat(validate(acsiWith("NPS", 11))).extracting(AnswerViolation::field).containsExactly("NPS");
        assertThat(validate(acsiWith("SAT1", Long.MAX_VALUE))).extracting(AnswerViolation::reason)
                .singleElement().asString().startsWith("out of range");
        assertThat(validate(acsiWith("SAT1", new BigDecimal("1e400")))).extracting(AnswerViolation::reason)
                .singleElement().asString().startsWith("out of range");
        assertThat(validate(acsiWith("CC1", 2))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("CC1");
            assertThat(v.reason()).startsWith("not an allowed value");
        });
    }

    @Test
    void wrongType() {
        Map<String, Object> wrong = Map.of("\"8\"", "8", "8.5", 8.5, "true", true, "list", List.of(8),
                "object", Map.of("v", 8), "NaN", Double.NaN, "big fraction", new BigDecimal("7.25"));
        wrong.forEach((label, value) -> assertThat(validate(acsiWith("PQ1", value))).as(label)
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("PQ1");
                    assertThat(v.reason()).startsWith("wrong type");
                }));
        assertThat(validate(acsiWith("CC1", "1"))).extracting(AnswerViolation::reason)
                .singleElement().asString().startsWith("wrong type");
        assertThat(validate(acsiWith("COMMENT", 5))).extracting(AnswerViolation::reason)
                .singleElement().asString().startsWith("wrong type: expected text");
    }

    @Test
    void wholeNumbersOfEveryJavaTypeAreAcceptedAndNormalisedToInteger() {
        Map<String, Object> mixed = acsi();
        mixed.put("CE1", 8L);
        mixed.put("CE2", new BigDecimal("7.0"));
        mixed.put("CE3", 9.0d);
        mixed.put("PQ1", BigInteger.valueOf(8));
        mixed.put("PQ2", (short) 6);
        mixed.put("PQ3", 10.0f);
        mixed.put("CC1", new BigDecimal("0E+3"));
        assertThat(validator.normalise(ACSI, mixed)).isEqualTo(validator.normalise(ACSI, acsi()))
                .allSatisfy((k, v) -> assertThat(v).isInstanceOfAny(Integer.class, String.class));
    }

    @Test
    void missingRequiredItem() {
        assertThat(validate(acsiWithout("SAT1"))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("SAT1");
            assertThat(v.reason()).startsWith("missing");
        });
        assertThat(validate(acsiWith("CC1", null))).extracting(AnswerViolation::field).containsExactly("CC1");
        assertThat(validate(Map.of())).extracting(AnswerViolation::field)
                .containsExactly("CE1", "CE2", "CE3", "PQ1", "PQ2", "PQ3", "PV1", "PV2", "SAT1", "SAT2", "SAT3",
                        "CC1", "CL1", "CL2", "NPS");
    }

    @Test
    void commentLongerThanTheBound() {
        assertThat(validate(acsiWith("COMMENT", "x".repeat(10_000)))).isEmpty();
        assertThat(validate(acsiWith("COMMENT", "x".repeat(10_001)))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("COMMENT");
            assertThat(v.reason()).isEqualTo("too long: 10001 characters, at most 10000");
        });
        assertThat(new AnswerValidator(5).validate(ACSI, acsiWith("COMMENT", "123456"))).hasSize(1);
    }

    @Test
    void everyViolationIsReportedNotOnlyTheFirst() {
        Map<String, Object> bad = acsiWithout("SAT2");
        bad.put("CE1", 11);
        bad.put("PQ1", "8");
        bad.put("$where", "1");
        bad.put("EXTRA", 3);
        bad.put("COMMENT", "x".repeat(10_001));
        assertThat(validate(bad)).extracting(AnswerViolation::field)
                .containsExactlyInAnyOrder("CE1", "PQ1", "$where", "EXTRA", "COMMENT", "SAT2");
    }

    @Test
    void normaliseRejectsInvalidAnswersWithEveryViolation() {
        Map<String, Object> bad = acsiWith("CE1", 0);
        bad.remove("NPS");
        assertThatThrownBy(() -> validator.normalise(ACSI, bad))
                .isInstanceOfSatisfying(InvalidAnswersException.class, e -> assertThat(e.violations())
                        .extracting(AnswerViolation::field).containsExactly("CE1", "NPS"))
                .hasMessageContaining("CE1").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normaliseOrdersBySurveyAndDropsUnanswered() {
        Map<String, Object> reversed = new LinkedHashMap<>();
        List<String> keys = List.copyOf(acsi().keySet());
        for (int i = keys.size() - 1; i >= 0; i--) {
            reversed.put(keys.get(i), acsi().get(keys.get(i)));
        }
        reversed.put("COMMENT", " ");
        Map<String, Object> normal = validator.normalise(ACSI, reversed);
        assertThat(normal.keySet()).containsExactlyElementsOf(keys.subList(0, keys.size() - 1));
        assertThatThrownBy(() -> normal.put("X", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void acceptsAJakartaJsonObjectAsParsed() {
        String body = """
                {"CE1":8,"CE2":7,"CE3":9,"PQ1":8,"PQ2":6,"PQ3":10,"PV1":7,"PV2":5,"SAT1":8,"SAT2":7,"SAT3":6,
                 "CC1":0,"CL1":9,"CL2":4,"NPS":9,"COMMENT":"送货很快，客服也很耐心。"}""";
        JsonObject json = Json.createReader(new StringReader(body)).readObject();
        assertThat(validator.normalise(ACSI, json)).isEqualTo(validator.normalise(ACSI, acsi()));
        JsonObject bad = Json.createReader(new StringReader(body.replace("\"CE1\":8", "\"CE1\":\"8\"")
                .replace("\"PQ1\":8", "\"PQ1\":8.5").replace("\"CC1\":0", "\"CC1\":true")
                .replace("\"NPS\":9", "\"NPS\":null"))).readObject();
        assertThat(validator.validate(ACSI, bad)).extracting(AnswerViolation::field)
                .containsExactlyInAnyOrder("CE1", "PQ1", "CC1", "NPS");
    }

    @Test
    void hugeKeysAreShortenedInTheViolation() {
        String key = "K".repeat(5_000);
        assertThat(validate(acsiWith(key, 1))).singleElement()
                .satisfies(v -> assertThat(v.field()).hasSizeLessThan(120).startsWith("KKK"));
        Map<String, Object> empty = new HashMap<>(acsi());
        empty.put("", 1);
        assertThat(validate(empty)).extracting(AnswerViolation::field).containsExactly("(empty key)");
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatThrownBy(() -> validator.validate(null, acsi())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template");
        assertThatThrownBy(() -> validator.validate(ACSI, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("answers");
    }

    /**
     * The 250 respondents of the published ECSI mobile-phone study (Tenenhaus et al. 2005) are real answers to
     * the classic ECSI questionnaire: every one must be accepted by the ecsi template as it stands.
     */
    @Test
    void everyRespondentOfThePublishedEcsiStudyIsAValidEcsiAnswer() throws IOException {
        SurveyTemplate ecsi = CATALOG.latest("ecsi");
        int respondents = 0;
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/surveys/mobi.csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertThat(csv.getHeaderNames()).hasSize(24);
            for (CSVRecord row : csv) {
                Map<String, Object> answers = new HashMap<>();
                csv.getHeaderNames().forEach(h -> answers.put(h, Integer.parseInt(row.get(h))));
                assertThat(validator.validate(ecsi, answers)).as("respondent %d", row.getRecordNumber()).isEmpty();
                respondents++;
            }
        }
        assertThat(respondents).isEqualTo(250);
    }
}

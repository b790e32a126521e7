package io.sentio.responses.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyResponseTest {

    @Test
    void theFingerprintIgnoresKeyOrderAndNumberRepresentation() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("CE1", 8);
        a.put("COMMENT", "ok");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("COMMENT", "ok");
        b.put("CE1", 8.0);
        assertThat(SurveyResponse.fingerprint("d", "en", a)).isEqualTo(SurveyResponse.fingerprint("d", "en", b));
    }

    @Test
    void wholeNumbersHaveOneFingerprintWhateverTheirType() {
        long[] values = {0, 1, -1, 7, 10, -10, 100, 1_000_000, 2_147_483_647L, -2_147_483_648L, 9_007_199_254_740_992L};
        for (long v : values) {
            String asDouble = SurveyResponse.fingerprint("d", "en", Map.of("NPS", (double) v));
            String asDecimal = SurveyResponse.fingerprint("d", "en", Map.of("NPS", new java.math.BigDecimal(v + ".000")));
            assertThat(SurveyResponse.fingerprint("d", "en", Map.of("NPS", v))).as("%d as a long", v).isEqualTo(asDouble)
                    .isEqualTo(asDecimal);
            if (v == (int) v) {
                assertThat(SurveyResponse.fingerprint("d", "en", Map.of("NPS", (int) v))).as("%d as an int", v)
                        .isEqualTo(asDouble);
            }
        }
        assertThat(SurveyResponse.fingerprint("d", "en", Map.of("NPS", 7))).isNotEqualTo(
                SurveyResponse.fingerprint("d", "en", Map.of("NPS", 7.5)));
    }

    @Test
    void theFingerprintChangesWithAnyAnswerLanguageOrDeployment() {
        Map<String, Object> answers = Map.of("CE1", 8, "COMMENT", "ok");
        String base = SurveyResponse.fingerprint("d", "en", answers);
        assertThat(SurveyResponse.fingerprint("d", "en", Map.of("CE1", 7, "COMMENT", "ok"))).isNotEqualTo(base);
        assertThat(SurveyResponse.fingerprint("d", "en", Map.of("CE1", 8, "COMMENT", "ok!"))).isNotEqualTo(base);
        assertThat(SurveyResponse.fingerprint("d", "zh-CN", answers)).isNotEqualTo(base);
        assertThat(SurveyResponse.fingerprint("e", "en", answers)).isNotEqualTo(base);
        // a text answer that looks like a number is not the number
        assertThat(SurveyResponse.fingerprint("d", "en", Map.of("CE1", "8", "COMMENT", "ok"))).isNotEqualTo(base);
    }

    @Test
    void responseIdsMustLookLikeClientIds() {
        assertThatThrownBy(() -> new SurveyResponse("a/b", "d", "web", "nps", 1, "en", Map.of(), "f", Instant.now(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SurveyResponse("0f8fad5b-d9cb-469f-a165-70867728950e", "d", "web", "nps", 1, "en",
                Map.of("NPS", 9), "f", Instant.now(), null).answers()).containsEntry("NPS", 9);
    }
}

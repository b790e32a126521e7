package io.sentio.surveys.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyItemTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "$where", "a.b", "1Q", "Q Q", "Q-1", "Q\u0000"})
    void refusesNamesThatAreNotSafeKeys(String name) {
        assertThatThrownBy(() -> SurveyItem.rating(name, "quality", null, 1, 10))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("name");
    }

    @Test
    void acceptsTheIssueNames() {
        for (String name : List.of("CE1", "SAT3", "NPS", "COMMENT", "first_visit", "Q" + "x".repeat(63))) {
            assertThat(SurveyItem.rating(name, null, "nps", 0, 10).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> SurveyItem.rating("Q" + "x".repeat(64), null, null, 0, 10))
                .isInstanceOf(InvalidSurveyException.class);
    }

    @Test
    void ratingsNeedAScale() {
        assertThatThrownBy(() -> SurveyItem.rating("Q", null, null, 5, 5)).hasMessageContaining("Q.scale");
        assertThatThrownBy(() -> SurveyItem.rating("Q", null, null, 10, 1)).hasMessageContaining("Q.scale");
        assertThat(SurveyItem.rating("Q", null, null, 0, 10).hasScale()).isTrue();
    }

    @Test
    void numericChoicesStayWithinTheirScale() {
        SurveyItem cc1 = SurveyItem.numericChoice("CC1", "complaints", new LinkedHashSet<>(List.of(1, 0)));
        assertThat(cc1.allowedValues()).containsExactly("1", "0");
        assertThat(List.of(cc1.scaleMin(), cc1.scaleMax())).containsExactly(0, 1);
        assertThatThrownBy(() -> new SurveyItem("Q", ItemKind.CHOICE, null, null, 0, 1, true, Set.of("0", "2")))
                .hasMessageContaining("Q.allowedValues");
        assertThatThrownBy(() -> new SurveyItem("Q", ItemKind.CHOICE, null, null, 0, 1, true, Set.of("0", "yes")))
                .hasMessageContaining("Q.allowedValues");
        assertThatThrownBy(() -> new SurveyItem("Q", ItemKind.CHOICE, null, null, 0, 1, true, Set.of("0", "01")))
                .hasMessageContaining("Q.allowedValues");
        assertThatThrownBy(() -> SurveyItem.choice("Q", true, Set.of())).hasMessageContaining("Q.allowedValues");
    }

    @Test
    void unscaledKindsHaveNoScaleNorValues() {
        assertThatThrownBy(() -> new SurveyItem("Q", ItemKind.TEXT, null, null, 1, 5, false, Set.of()))
                .hasMessageContaining("Q.scale");
        assertThatThrownBy(() -> new SurveyItem("Q", ItemKind.BOOLEAN, null, null, 0, 0, false, Set.of("true")))
                .hasMessageContaining("Q.allowedValues");
        assertThatThrownBy(() -> new SurveyItem("Q", ItemKind.RATING, null, null, 1, 5, false, Set.of("1")))
                .hasMessageContaining("Q.allowedValues");
        assertThat(SurveyItem.comment("COMMENT", false).hasScale()).isFalse();
    }

    @Test
    void rolesAreLowerCaseWords() {
        assertThatThrownBy(() -> SurveyItem.rating("Q", "Quality", null, 1, 10)).hasMessageContaining("Q.construct");
        assertThatThrownBy(() -> SurveyItem.rating("Q", null, "n p s", 1, 10)).hasMessageContaining("Q.measure");
        assertThat(SurveyItem.rating("Q", "quality", null, 1, 10).measures("quality")).isTrue();
        assertThat(SurveyItem.rating("Q", "quality", null, 1, 10).measures("value")).isFalse();
    }

    @Test
    void violationsNameAFieldAndAReason() {
        assertThatThrownBy(() -> new AnswerViolation("", "x")).isInstanceOf(InvalidSurveyException.class);
        assertThatThrownBy(() -> new AnswerViolation("CE1", " ")).isInstanceOf(InvalidSurveyException.class);
        assertThatThrownBy(() -> new InvalidAnswersException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

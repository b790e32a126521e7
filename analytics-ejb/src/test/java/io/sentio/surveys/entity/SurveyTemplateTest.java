package io.sentio.surveys.entity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyTemplateTest {

    private static final List<SurveyItem> ITEMS = List.of(
            SurveyItem.rating("PQ1", "quality", null, 1, 10),
            SurveyItem.rating("SAT1", "satisfaction", null, 1, 10),
            SurveyItem.rating("PQ2", "quality", null, 1, 10),
            SurveyItem.numericChoice("CC1", "complaints", Set.of(0, 1)),
            SurveyItem.rating("NPS", null, "nps", 0, 10),
            SurveyItem.comment("COMMENT", false));

    private static SurveyTemplate template(List<SurveyItem> items) {
        return new SurveyTemplate("acsi", 1, "ACSI", List.of("en", "zh-CN", "zh-TW"), "{}", items);
    }

    @Test
    void groupsItemsByConstructAndMeasure() {
        SurveyTemplate t = template(ITEMS);
        assertThat(t.itemsOf("quality")).extracting(SurveyItem::name).containsExactly("PQ1", "PQ2");
        assertThat(t.itemsOf("image")).isEmpty();
        assertThat(t.itemsMeasuring("nps")).extracting(SurveyItem::name).containsExactly("NPS");
        assertThat(t.constructs()).containsExactly("quality", "satisfaction", "complaints");
        assertThat(t.item("CC1")).map(SurveyItem::allowedValues).contains(Set.of("0", "1"));
        assertThat(t.item("cc1")).isEmpty();
    }

    @Test
    void mapsLanguagesToSurveyJsLocaleKeys() {
        SurveyTemplate t = template(ITEMS);
        assertThat(t.localeKey("en")).isEqualTo("default");
        assertThat(t.localeKey("zh-CN")).isEqualTo("zh-cn");
        assertThat(t.localeKey("zh-tw")).isEqualTo("zh-tw");
        assertThat(t.supports("ZH-TW")).isTrue();
        assertThatThrownBy(() -> t.localeKey("fr")).isInstanceOf(InvalidSurveyException.class).hasMessageContaining("fr");
    }

    @Test
    void checksItsInvariants() {
        assertThatThrownBy(() -> template(List.of(SurveyItem.comment("A", false), SurveyItem.comment("A", true))))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("duplicate item name A");
        assertThatThrownBy(() -> template(List.of())).isInstanceOf(InvalidSurveyException.class);
        assertThatThrownBy(() -> new SurveyTemplate("ACSI", 1, "t", List.of("en"), "{}", ITEMS))
                .isInstanceOf(InvalidSurveyException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> new SurveyTemplate("acsi", 0, "t", List.of("en"), "{}", ITEMS))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> new SurveyTemplate("acsi", 1, " ", List.of("en"), "{}", ITEMS))
                .hasMessageContaining("title");
        assertThatThrownBy(() -> new SurveyTemplate("acsi", 1, "t", List.of("en", "en"), "{}", ITEMS))
                .hasMessageContaining("languages");
        assertThatThrownBy(() -> new SurveyTemplate("acsi", 1, "t", List.of("english"), "{}", ITEMS))
                .hasMessageContaining("languages");
        assertThatThrownBy(() -> new SurveyTemplate("acsi", 1, "t", List.of("en"), "", ITEMS))
                .hasMessageContaining("definition");
    }

    @Test
    void isImmutable() {
        List<SurveyItem> items = new java.util.ArrayList<>(ITEMS);
        SurveyTemplate t = template(items);
        items.clear();
        assertThat(t.items()).hasSize(ITEMS.size());
        assertThatThrownBy(() -> t.items().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}

package io.sentio.surveys.control;

import io.sentio.surveys.entity.InvalidSurveyException;
import io.sentio.surveys.entity.ItemKind;
import io.sentio.surveys.entity.SurveyItem;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateCatalogTest {

    private final TemplateCatalog catalog = new TemplateCatalog();

    private static List<String> names(List<SurveyItem> items) {
        return items.stream().map(SurveyItem::name).toList();
    }

    @Test
    void loadsTheSixStandardTemplatesFromTheClassPath() {
        assertThat(catalog.all()).extracting(SurveyTemplate::id)
                .containsExactly("acsi", "ecsi", "nps", "csat", "ces", "touchpoint");
        assertThat(catalog.allVersions()).hasSize(6);
        for (SurveyTemplate t : catalog.all()) {
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.languages()).containsExactly("en", "zh-CN", "zh-TW");
            assertThat(t.items().getLast().name()).as(t.id()).isEqualTo("COMMENT");
            assertThat(t.title()).as(t.id()).isNotBlank().doesNotContain("{");
        }
    }

    @Test
    void acsiItemsMapToTheirConstructsAndScales() {
        SurveyTemplate acsi = catalog.latest("acsi");
        assertThat(acsi.constructs())
                .containsExactly("expectation", "quality", "value", "satisfaction", "complaints", "loyalty");
        assertThat(names(acsi.itemsOf("expectation"))).containsExactly("CE1", "CE2", "CE3");
        assertThat(names(acsi.itemsOf("quality"))).containsExactly("PQ1", "PQ2", "PQ3");
        assertThat(names(acsi.itemsOf("value"))).containsExactly("PV1", "PV2");
        assertThat(names(acsi.itemsOf("satisfaction"))).containsExactly("SAT1", "SAT2", "SAT3");
        assertThat(names(acsi.itemsOf("complaints"))).containsExactly("CC1");
        assertThat(names(acsi.itemsOf("loyalty"))).containsExactly("CL1", "CL2");
        assertThat(names(acsi.itemsMeasuring("nps"))).containsExactly("NPS");
        assertThat(names(acsi.itemsMeasuring("comment"))).containsExactly("COMMENT");

        for (String construct : List.of("expectation", "quality", "value", "satisfaction", "loyalty")) {
            assertThat(acsi.itemsOf(construct)).allSatisfy(i -> {
                assertThat(i.kind()).isEqualTo(ItemKind.RATING);
                assertThat(i.scaleMin()).isEqualTo(1);
                assertThat(i.scaleMax()).isEqualTo(10);
                assertThat(i.required()).isTrue();
            });
        }
        SurveyItem cc1 = acsi.item("CC1").orElseThrow();
        assertThat(cc1.kind()).isEqualTo(ItemKind.CHOICE);
        assertThat(cc1.allowedValues()).containsExactlyInAnyOrder("0", "1");
        assertThat(cc1.numeric()).isTrue();
        assertThat(List.of(cc1.scaleMin(), cc1.scaleMax())).containsExactly(0, 1);
        SurveyItem nps = acsi.item("NPS").orElseThrow();
        assertThat(List.of(nps.scaleMin(), nps.scaleMax())).containsExactly(0, 10);
        assertThat(nps.construct()).isNull();
        SurveyItem comment = acsi.item("COMMENT").orElseThrow();
        assertThat(comment.kind()).isEqualTo(ItemKind.COMMENT);
        assertThat(comment.required()).isFalse();
    }

    @Test
    void ecsiAddsImageAndTheTouchpointTemplatePairsExpectationWithExperience() {
        SurveyTemplate ecsi = catalog.latest("ecsi");
        assertThat(ecsi.constructs()).containsExactlyInAnyOrder(
                "image", "expectation", "quality", "value", "satisfaction", "complaints", "loyalty");
        assertThat(names(ecsi.itemsOf("image"))).containsExactly("IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5");
        SurveyTemplate touchpoint = catalog.latest("touchpoint");
        assertThat(names(touchpoint.itemsOf("expectation"))).containsExactly("TE1", "TE2", "TE3", "TE4");
        assertThat(names(touchpoint.itemsOf("quality"))).containsExactly("TX1", "TX2", "TX3", "TX4");
    }

    @Test
    void singleMeasureTemplatesCarryTheirScale() {
        assertThat(catalog.latest("nps").item("NPS").orElseThrow()).extracting(SurveyItem::measure,
                SurveyItem::scaleMin, SurveyItem::scaleMax).containsExactly("nps", 0, 10);
        assertThat(catalog.latest("csat").item("CSAT").orElseThrow()).extracting(SurveyItem::measure,
                SurveyItem::scaleMin, SurveyItem::scaleMax).containsExactly("csat", 1, 5);
        assertThat(catalog.latest("ces").item("CES").orElseThrow()).extracting(SurveyItem::measure,
                SurveyItem::scaleMin, SurveyItem::scaleMax).containsExactly("ces", 1, 7);
    }

    @Test
    void findsByIdAndVersion() {
        assertThat(catalog.find("nps")).map(SurveyTemplate::id).contains("nps");
        assertThat(catalog.find("nps", 1)).isPresent();
        assertThat(catalog.find("nps", 2)).isEmpty();
        assertThat(catalog.find("NPS")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
        assertThatThrownBy(() -> catalog.latest("sqrl"))
                .isInstanceOf(InvalidSurveyException.class)
                .hasMessageContaining("sqrl").hasMessageContaining("acsi");
    }

    @Test
    void definitionIsTheShippedSurveyJsJson() {
        JsonObject json = Json.createReader(new StringReader(catalog.latest("acsi").definition())).readObject();
        assertThat(json.getJsonObject("sentio").getString("id")).isEqualTo("acsi");
        assertThat(json.getJsonObject("title").keySet()).containsExactlyInAnyOrder("default", "zh-cn", "zh-tw");
    }

    @Test
    void theCommentBoundOfTheTemplatesIsTheValidatorsBound() {
        for (SurveyTemplate t : catalog.all()) {
            JsonObject json = Json.createReader(new StringReader(t.definition())).readObject();
            var pages = json.getJsonArray("pages");
            var elements = pages.getJsonObject(pages.size() - 1).getJsonArray("elements");
            assertThat(elements.getJsonObject(elements.size() - 1).getInt("maxLength")).as(t.id())
                    .isEqualTo(AnswerValidator.DEFAULT_MAX_TEXT_LENGTH);
        }
    }

    @Test
    void aClassLoaderWithoutTheTemplatesFailsLoudly() {
        ClassLoader empty = new ClassLoader(null) {
        };
        assertThatThrownBy(() -> new TemplateCatalog(empty))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("survey-templates/index.json");
    }

    @Test
    void templatesAreSharedImmutableValues() {
        assertThat(catalog.latest("acsi")).isEqualTo(new TemplateCatalog().latest("acsi"));
        assertThatThrownBy(() -> catalog.all().add(catalog.latest("nps"))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Set.copyOf(catalog.all())).hasSize(6);
    }
}

package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.PathModel;
import io.sentio.satisfaction.entity.PlsResult;
import io.sentio.surveys.control.TemplateCatalog;
import io.sentio.surveys.entity.SurveyTemplate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Report figures against direct computations on the same answers. */
class TouchpointAnalysisTest {

    private static final List<String> ITEMS = AcsiRespondents.ITEMS;

    private final TemplateCatalog catalog = new TemplateCatalog(TouchpointAnalysisTest.class.getClassLoader());
    private final Map<String, SurveyTemplate> templates = new LinkedHashMap<>();

    TouchpointAnalysisTest() {
        catalog.all().forEach(t -> templates.put(t.id(), t));
    }

    @Test
    void reportMatchesPlsOnTheRowsAndDirectMetrics() {
        Random random = new Random(21);
        TreeMap<LocalDate, SatisfactionAggregate> days = new TreeMap<>();
        double[][] rows = new double[300][];
        long complained = 0;
        for (int i = 0; i < rows.length; i++) {
            Map<String, Object> a = AcsiRespondents.answers(random, true);
            rows[i] = ITEMS.stream().mapToDouble(k -> ((Number) a.get(k)).doubleValue()).toArray();
            complained += (Long) a.get("CC1");
            days.computeIfAbsent(LocalDate.of(2026, 1, 1 + i % 5), d -> SatisfactionAggregate.empty())
                    .add(templates.get("acsi"), a);
        }
        int[] csat = {5, 4, 4, 3, 1, 5, 2};
        int[] ces = {1, 2, 7, 3};
        for (int r : csat) {
            days.get(LocalDate.of(2026, 1, 2)).add(templates.get("csat"), Map.of("CSAT", (long) r));
        }
        for (int r : ces) {
            days.get(LocalDate.of(2026, 1, 3)).add(templates.get("ces"), Map.of("CES", (long) r));
        }
        var report = new TouchpointAnalysis(100).report("web", null, null, days, templates, 5);

        assertThat(report.responses()).isEqualTo(300 + csat.length + ces.length);
        PlsResult expected = new PlsEstimator(PathModel.acsi(Map.of("expectation", ITEMS.subList(0, 3),
                "quality", ITEMS.subList(3, 6), "value", ITEMS.subList(6, 8), "satisfaction", ITEMS.subList(8, 11),
                "complaints", ITEMS.subList(11, 12), "loyalty", ITEMS.subList(12, 14))), PlsEstimator.Settings.defaults())
                .estimate(ItemMatrix.of(ITEMS, rows).moments());
        for (var p : report.acsi().paths()) {
            assertThat(p.coefficient()).isCloseTo(expected.path(p.from(), p.to()), within(1e-9));
            assertThat(p.ci95().contains(p.coefficient())).isTrue();
        }
        assertThat(report.acsi().index()).isCloseTo(expected.indexes().get("satisfaction"), within(1e-9));
        assertThat(report.acsi().indexes().get("complaints")).isCloseTo(100.0 * complained / rows.length, within(1e-9));
        assertThat(report.expectationGap()).isCloseTo(expected.indexes().get("quality")
                - expected.indexes().get("expectation"), within(1e-9));
        // CSAT on 1–5: mean and top-two-box (4 or 5) counted here.
        assertThat(report.csat().score().mean().mean()).isCloseTo(24.0 / 7, within(1e-12));
        assertThat(report.csat().score().topTwoBox().successes()).isEqualTo(4);
        assertThat(report.csat().scaleMax()).isEqualTo(5);
        assertThat(report.ces().score().mean()).isCloseTo(13.0 / 4, within(1e-12));
        assertThat(report.ces().scaleMax()).isEqualTo(7);
    }

    @Test
    void withoutAnyComplaintTheComplaintPathsAreNullAndTheRestIsEstimated() {
        Random random = new Random(22);
        TreeMap<LocalDate, SatisfactionAggregate> days = new TreeMap<>();
        SatisfactionAggregate day = SatisfactionAggregate.empty();
        for (int i = 0; i < 200; i++) {
            day.add(templates.get("acsi"), AcsiRespondents.answers(random, false));
        }
        days.put(LocalDate.of(2026, 2, 1), day);
        var acsi = new TouchpointAnalysis(50).report("web", null, null, days, templates, 1).acsi();
        assertThat(acsi.index()).isBetween(0.0, 100.0);
        assertThat(acsi.indexes().get("complaints")).isEqualTo(0.0);
        assertThat(acsi.paths()).filteredOn(p -> p.from().equals("complaints") || p.to().equals("complaints"))
                .hasSize(2).allSatisfy(p -> assertThat(p.coefficient()).isNull());
        assertThat(acsi.paths()).filteredOn(p -> p.from().equals("quality")).allSatisfy(p ->
                assertThat(p.coefficient()).isNotNull());
        assertThat(acsi.warnings()).anyMatch(w -> w.contains("CC1"));
    }

    @Test
    void tooFewResponsesGiveNullFiguresAndAWarningNotAnError() {
        Random random = new Random(23);
        SatisfactionAggregate day = SatisfactionAggregate.empty();
        for (int i = 0; i < 4; i++) {
            day.add(templates.get("acsi"), AcsiRespondents.answers(random, true));
        }
        var report = new TouchpointAnalysis(50).report("web", null, null,
                new TreeMap<>(Map.of(LocalDate.of(2026, 2, 1), day)), templates, 1);
        assertThat(report.acsi().index()).isNull();
        assertThat(report.acsi().paths()).hasSize(9).allSatisfy(p -> assertThat(p.coefficient()).isNull());
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("acsi: 4 responses"));
        assertThat(report.nps().promoters() + report.nps().passives() + report.nps().detractors()).isEqualTo(4);
    }

    @Test
    void trendTestsNpsChangesBetweenMonths() {
        TreeMap<LocalDate, SatisfactionAggregate> days = new TreeMap<>();
        SatisfactionAggregate jan = SatisfactionAggregate.empty();
        SatisfactionAggregate feb = SatisfactionAggregate.empty();
        for (int i = 0; i < 100; i++) {
            jan.add(templates.get("nps"), Map.of("NPS", i < 50 ? 10L : 3L));
            feb.add(templates.get("nps"), Map.of("NPS", i < 80 ? 10L : 3L));
        }
        days.put(LocalDate.of(2026, 1, 10), jan);
        days.put(LocalDate.of(2026, 2, 10), feb);
        var trend = new TouchpointAnalysis(50).trend("web", TrendAnalysis.Granularity.MONTH, null, null, days, templates, 1);
        assertThat(trend.series()).hasSize(2);
        assertThat(trend.series().get(0).nps().score()).isCloseTo(0.0, within(1e-12));
        assertThat(trend.series().get(1).nps().score()).isCloseTo(60.0, within(1e-12));
        var change = trend.series().get(1).npsChange();
        // z = 60 / sqrt(V1 + V2), V = 1e4 (pP + pD - (pP - pD)^2) / n
        double v1 = 1e4 * (1.0 - 0.0) / 100;
        double v2 = 1e4 * (1.0 - 0.36) / 100;
        double z = 60 / Math.sqrt(v1 + v2);
        assertThat(change.pValue()).isCloseTo(2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution()
                .cumulativeProbability(z)), within(1e-12));
        assertThat(change.significant()).isTrue();
        assertThat(trend.series().get(0).from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(trend.series().get(0).to()).isEqualTo(LocalDate.of(2026, 1, 31));
    }
}

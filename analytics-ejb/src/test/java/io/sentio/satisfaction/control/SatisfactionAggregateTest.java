package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.IndicatorStatistics;
import io.sentio.satisfaction.entity.MissingValues;
import io.sentio.surveys.control.TemplateCatalog;
import io.sentio.surveys.entity.SurveyTemplate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Aggregates against statistics computed directly from the rows; merge and storage round trips. */
class SatisfactionAggregateTest {

    private final TemplateCatalog catalog = new TemplateCatalog(SatisfactionAggregateTest.class.getClassLoader());

    @Test
    void momentsRatingsAndCountsMatchTheRowsAndSurviveMergeAndStorage() {
        SurveyTemplate acsi = catalog.find("acsi").orElseThrow();
        SurveyTemplate csat = catalog.find("csat").orElseThrow();
        Random random = new Random(9);
        List<Map<String, Object>> rows = new ArrayList<>();
        SatisfactionAggregate a = SatisfactionAggregate.empty();
        SatisfactionAggregate b = SatisfactionAggregate.empty();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> answers = new LinkedHashMap<>();
            SatisfactionAggregate.indicators(acsi).forEach(item -> answers.put(item.name(),
                    (long) (item.scaleMin() + random.nextInt(item.scaleMax() - item.scaleMin() + 1))));
            if (i % 7 == 0) {
                answers.remove("PV2"); // a missing answer
            }
            answers.put("NPS", (long) random.nextInt(11));
            rows.add(answers);
            (i % 2 == 0 ? a : b).add(acsi, answers);
        }
        long[] csatCounts = new long[5];
        for (int i = 0; i < 50; i++) {
            int r = 1 + random.nextInt(5);
            csatCounts[r - 1]++;
            b.add(csat, Map.of("CSAT", (long) r, "COMMENT", "ok"));
        }
        SatisfactionAggregate merged = SatisfactionAggregate.fromDocument(a.toDocument());
        merged.merge(SatisfactionAggregate.fromDocument(b.toDocument()));

        assertThat(merged.responses()).isEqualTo(250);
        long[] nps = new long[11];
        rows.forEach(r -> nps[((Number) r.get("NPS")).intValue()]++);
        assertThat(merged.ratings("nps").counts()).isEqualTo(nps);
        assertThat(merged.ratings("csat").counts()).isEqualTo(csatCounts);
        assertThat(merged.ratings("csat").min()).isEqualTo(1);

        // Mean-replacement statistics computed here from the rows.
        List<String> names = merged.moments("acsi").names();
        int p = names.size();
        double[] mean = new double[p];
        long[] count = new long[p];
        for (var r : rows) {
            for (int j = 0; j < p; j++) {
                Object v = r.get(names.get(j));
                if (v != null) {
                    mean[j] += ((Number) v).doubleValue();
                    count[j]++;
                }
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= count[j];
        }
        IndicatorStatistics s = merged.moments("acsi").statistics(MissingValues.MEAN_REPLACEMENT);
        for (int j = 0; j < p; j++) {
            assertThat(s.means()[j]).isCloseTo(mean[j], within(1e-12));
            for (int k = 0; k < p; k++) {
                double c = 0;
                for (var r : rows) {
                    Object x = r.get(names.get(j));
                    Object y = r.get(names.get(k));
                    double dx = x == null ? 0 : ((Number) x).doubleValue() - mean[j];
                    double dy = y == null ? 0 : ((Number) y).doubleValue() - mean[k];
                    c += dx * dy;
                }
                assertThat(s.covariance()[j][k]).isCloseTo(c / (rows.size() - 1), within(1e-10));
            }
        }
        assertThat(merged.moments("acsi").rows()).isEqualTo(200);
    }
}

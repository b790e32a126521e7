package io.sentio.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.sentio.responses.control.ResponseStore;
import io.sentio.responses.entity.SurveyResponse;
import io.sentio.satisfaction.control.AcsiRespondents;
import io.sentio.satisfaction.control.AggregateStore;
import io.sentio.satisfaction.control.ResponseFolder;
import io.sentio.satisfaction.control.SatisfactionAggregate;
import io.sentio.satisfaction.control.TouchpointAnalysis;
import io.sentio.satisfaction.control.TrendAnalysis;
import io.sentio.storage.control.EmbeddedMongo;
import io.sentio.surveys.control.TemplateCatalog;
import io.sentio.surveys.entity.SurveyTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Touchpoint report over 1,000,000 stored responses, against the embedded store in a temp directory.
 * <ol>
 *   <li>Folding throughput: {@code fold} responses inserted through {@link ResponseStore} and folded by the
 *       real {@link ResponseFolder} in batches of 1,000, then compacted.</li>
 *   <li>Aggregates equivalent to 1,000,000 ACSI responses of one touchpoint over two years (≈1,370 a day),
 *       computed with the same {@link SatisfactionAggregate#add} and stored as day documents, plus 19 other
 *       touchpoints with 20 responses a day (so that the aggregate collections are not trivially small).</li>
 *   <li>Report (PLS + 400 parametric bootstrap replicates + NPS), monthly trend and touchpoint list,
 *       each timed warm (after warm-up runs), median and max of the timed runs.</li>
 * </ol>
 * Run: {@code java -cp <test classpath> io.sentio.bench.ReportBenchmark [responses] [fold] [runs]}.
 */
public final class ReportBenchmark {

    private static final List<String> ITEMS = AcsiRespondents.ITEMS;

    public static void main(String[] args) throws IOException {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int fold = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("sentio-report-bench");
        TemplateCatalog catalog = new TemplateCatalog(ReportBenchmark.class.getClassLoader());
        SurveyTemplate acsi = catalog.find("acsi").orElseThrow();
        Map<String, SurveyTemplate> templates = new LinkedHashMap<>();
        catalog.all().forEach(t -> templates.put(t.id(), t));
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            ResponseStore responses = new ResponseStore(db, mongo::commit, false);
            responses.ensureIndexes();
            AggregateStore aggregates = new AggregateStore(db);
            aggregates.ensureIndexes();
            Random random = new Random(42);

            // 1. Folding throughput through the real protocol.
            List<String> ids = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < fold; i++) {
                String id = "bench-response-" + i;
                responses.insert(new SurveyResponse(id, "dep-fold", "fold", acsi.id(), acsi.version(), "en",
                        AcsiRespondents.answers(random, true), "fp", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L), null));
                ids.add(id);
            }
            long t1 = System.nanoTime();
            ResponseFolder folder = new ResponseFolder(responses, aggregates, (id, v) -> catalog.find(id, v).orElseThrow());
            for (int i = 0; i < ids.size(); i += 1000) {
                folder.fold(ids.subList(i, Math.min(ids.size(), i + 1000)));
            }
            long t2 = System.nanoTime();
            int absorbed = folder.compact(2, LocalDate.now());
            long t3 = System.nanoTime();
            System.out.printf("insert %,d responses: %.2f s; fold them (batches of 1,000): %.2f s = %,.0f responses/s;"
                            + " compact %d parts: %.2f s%n", fold, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    fold / ((t2 - t1) / 1e9), absorbed, (t3 - t2) / 1e9);
            aggregates.clear();

            // 2. Aggregates of `total` responses of touchpoint "web" over two years, and 19 small touchpoints.
            long g0 = System.nanoTime();
            LocalDate first = LocalDate.of(2024, 11, 24);
            int days = 730;
            long stored = 0;
            for (int d = 0; d < days; d++) {
                int n = (int) ((long) total * (d + 1) / days - (long) total * d / days);
                SatisfactionAggregate a = SatisfactionAggregate.empty();
                for (int i = 0; i < n; i++) {
                    a.add(acsi, AcsiRespondents.answers(random, true));
                }
                stored += n;
                aggregates.replaceDay("web", first.plusDays(d), a);
                for (int t = 1; t < 20; t++) {
                    SatisfactionAggregate small = SatisfactionAggregate.empty();
                    for (int i = 0; i < 20; i++) {
                        small.add(acsi, AcsiRespondents.answers(random, true));
                    }
                    aggregates.replaceDay("tp-" + t, first.plusDays(d), small);
                }
            }
            System.out.printf("generated and stored aggregates of %,d responses (web) + %,d (19 other touchpoints)"
                    + " as %,d day documents: %.1f s%n", stored, 19L * 20 * days, 20L * days, (System.nanoTime() - g0) / 1e9);

            TouchpointAnalysis analysis = new TouchpointAnalysis(400);
            time("report web (all time)", runs, () -> {
                var r = analysis.report("web", null, null, aggregates.read("web", null, null).get("web"), templates, 1);
                return r.responses() + " responses, ACSI " + String.format("%.2f", r.acsi().index()) + " "
                        + Arrays.toString(new double[] {r.acsi().ci95().lower(), r.acsi().ci95().upper()})
                        + ", NPS " + String.format("%.2f", r.nps().score());
            });
            time("  of which reading + merging aggregates", runs, () -> {
                var m = aggregates.read("web", null, null).get("web");
                return m.size() + " days";
            });
            time("trend web by month", runs, () -> analysis.trend("web", TrendAnalysis.Granularity.MONTH, null, null,
                    aggregates.read("web", null, null).get("web"), templates, 1).series().size() + " periods");
            time("touchpoint list (20 touchpoints)", runs, () -> {
                var all = aggregates.read(null, null, null);
                return all.entrySet().stream().map(e -> analysis.summary(e.getKey(), e.getValue(), templates))
                        .count() + " touchpoints";
            });
        }
    }

    private static void time(String what, int runs, java.util.function.Supplier<String> work) {
        String result = "";
        for (int i = 0; i < 3; i++) {
            result = work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            result = work.get();
            ms[i] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-40s median %8.1f ms, max %8.1f ms  (%s)%n", what, ms[runs / 2], ms[runs - 1], result);
    }

    /** One respondent from an ACSI-like population model (items 1–10, CC1 0/1, NPS 0–10). */

    private ReportBenchmark() {
    }
}

package io.sentio.satisfaction.control;

import com.mongodb.client.MongoDatabase;
import io.sentio.responses.control.ResponseStore;
import io.sentio.responses.entity.SurveyResponse;
import io.sentio.satisfaction.entity.IndicatorStatistics;
import io.sentio.satisfaction.entity.MissingValues;
import io.sentio.storage.control.StoreUnderTest;
import io.sentio.surveys.control.TemplateCatalog;
import io.sentio.surveys.entity.SurveyTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Folding against the embedded store, with crashes simulated by leaving the store in every intermediate
 * state the protocol can be interrupted in. The reference is the aggregate of the same responses added
 * directly, once each.
 */
class ResponseFolderTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 1);

    @TempDir
    Path dir;

    private StoreUnderTest mongo;
    private ResponseStore responses;
    private AggregateStore aggregates;
    private ResponseFolder folder;
    private final TemplateCatalog catalog = new TemplateCatalog(ResponseFolderTest.class.getClassLoader());
    private final List<SurveyResponse> stored = new ArrayList<>();

    @BeforeEach
    void start() {
        mongo = StoreUnderTest.in(dir);
        MongoDatabase db = mongo.database("test");
        responses = new ResponseStore(db, mongo::commit, false);
        aggregates = new AggregateStore(db);
        folder = new ResponseFolder(responses, aggregates, (id, v) -> catalog.find(id, v).orElseThrow());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void foldingCountsEveryResponseOnceByTouchpointAndDay() {
        List<String> ids = store(60, "web", new Random(1));
        ids.addAll(store(20, "phone", new Random(2)));
        assertThat(folder.fold(ids.subList(0, 50)).responses()).isEqualTo(50);
        assertThat(folder.fold(ids).responses()).as("already folded ones are skipped").isEqualTo(30);
        assertThat(folder.fold(ids).responses()).isZero();
        assertMatchesDirectAggregation();
        assertThat(folder.pending()).isEmpty();
    }

    @Test
    void aCrashAfterClaimingOrAfterWritingPartsIsRepairedWithoutDoubleCounting() {
        List<String> ids = store(60, "web", new Random(3));
        // Crash 1: batch "b1" claimed (half of it), nothing written.
        responses.claim(ids.subList(0, 20), "b1");
        // Crash 2: batch "b2" claimed, a part written with stale content, some responses marked folded.
        responses.claim(ids.subList(20, 40), "b2");
        SatisfactionAggregate stale = SatisfactionAggregate.empty();
        stale.add(catalog.find("acsi", 1).orElseThrow(), stored.get(20).answers());
        aggregates.replacePart("b2", "web", day(stored.get(20)), stale);
        responses.markFolded(ids.subList(20, 25));

        List<String> unclaimed = folder.repair();
        assertThat(unclaimed).containsExactlyInAnyOrderElementsOf(ids.subList(40, 60));
        folder.fold(unclaimed);
        assertMatchesDirectAggregation();
        assertThat(folder.repair()).isEmpty();
        assertMatchesDirectAggregation();
    }

    /**
     * The crash the batch record exists for: parts written and recorded, members not yet marked, and the
     * parts compacted into day documents before the repair (another server compacting, or a compaction
     * after a failed tick). The repair must mark, not re-write parts that are already counted.
     */
    @Test
    void aBatchWhosePartsWereCompactedBeforeItsRepairIsMarkedNotCountedAgain() {
        List<String> ids = store(40, "web", new Random(9));
        List<SurveyResponse> claimed = responses.claim(ids, "b-written");
        java.util.Map<LocalDate, SatisfactionAggregate> byDay = new java.util.TreeMap<>();
        for (SurveyResponse r : claimed) {
            byDay.computeIfAbsent(day(r), d -> SatisfactionAggregate.empty())
                    .add(catalog.find(r.template(), r.templateVersion()).orElseThrow(), r.answers());
        }
        byDay.forEach((d, a) -> {
            aggregates.recordDay("web", d);
            aggregates.replacePart("b-written", "web", d, a);
        });
        // Parts of a batch not yet recorded are never absorbed: its fold may still rewrite them.
        assertThat(folder.compact(1, FIRST_DAY.plusDays(10))).isZero();
        aggregates.recordPartsWritten("b-written");
        assertThat(folder.compact(1, FIRST_DAY.plusDays(10))).isEqualTo(byDay.size());
        // crash here: members tagged, none marked

        assertThat(folder.repair()).isEmpty();
        assertThat(folder.pending()).isEmpty();
        assertMatchesDirectAggregation();
        assertThat(mongo.database("test").getCollection("satisfaction_batches").countDocuments())
                .as("marked with every part absorbed: no record left").isZero();
        folder.fold(store(3, "web", new Random(10)));
        folder.compact(1, FIRST_DAY.plusDays(10));
        assertThat(mongo.database("test").getCollection("satisfaction_batches").countDocuments())
                .as("a normal fold's record goes with its last part").isZero();
        assertMatchesDirectAggregation();
    }

    @Test
    void compactionIsIdempotentAndReadersNeverDoubleCount() {
        List<String> ids = store(90, "web", new Random(4));
        for (int i = 0; i < 90; i += 10) {
            folder.fold(ids.subList(i, i + 10));
        }
        assertThat(folder.compact(3, FIRST_DAY)).isEqualTo(9 * days());
        assertMatchesDirectAggregation();
        // A crash between writing the day document and deleting its parts: the parts are back.
        List<String> more = store(20, "web", new Random(5));
        folder.fold(more.subList(0, 10));
        folder.fold(more.subList(10, 20));
        LocalDate someDay = day(stored.get(stored.size() - 1));
        aggregates.compact("web", someDay);
        SurveyResponse r = stored.get(stored.size() - 1);
        SatisfactionAggregate again = SatisfactionAggregate.empty();
        again.add(catalog.find("acsi", 1).orElseThrow(), r.answers());
        // Re-create a part with an absorbed id as an interrupted run would have left it.
        String absorbedBatch = responsesBatchOf(r);
        aggregates.replacePart(absorbedBatch, "web", someDay, again);
        assertMatchesDirectAggregation();
        folder.compact(1, FIRST_DAY);
        assertMatchesDirectAggregation();
        // Every past day is compacted whatever its number of parts; reads then need no part.
        folder.fold(store(5, "web", new Random(6)));
        folder.compact(100, FIRST_DAY.plusDays(10));
        assertThat(mongo.database("test").getCollection("satisfaction_parts").countDocuments()).isZero();
        assertMatchesDirectAggregation();
    }

    private String responsesBatchOf(SurveyResponse r) {
        return mongo.database("test").getCollection("responses").find(new org.bson.Document("_id", r.id()))
                .first().getString("batch");
    }

    private int days() {
        return (int) stored.stream().map(ResponseFolderTest::day).distinct().count();
    }

    /**
     * Three folders on one database, as three application servers on a shared MongoDB would run: each is
     * hinted every response (the worst case: all nodes race for all of them) and compacts after every fold.
     * Atomic claims and revision-checked compactions must still count every response exactly once.
     */
    @Test
    void foldersOnSeveralServersSharingTheDatabaseCountEachResponseOnce() throws Exception {
        MongoDatabase db = mongo.database("test");
        List<String> ids = store(300, "web", new Random(7));
        ids.addAll(store(150, "phone", new Random(8)));
        int nodes = 3;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(nodes);
        var folded = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                List<String> order = new ArrayList<>(ids);
                java.util.Collections.shuffle(order, new Random(node));
                runs.add(pool.submit(() -> {
                    var shared = new AggregateStore(db, true);
                    var nodeFolder = new ResponseFolder(new ResponseStore(db, mongo::commit, true), shared,
                            (id, v) -> catalog.find(id, v).orElseThrow(), ResponseFolder.SHARED_REPAIR_AGE);
                    for (int from = 0; from < order.size(); from += 15) {
                        folded.addAndGet(nodeFolder.fold(order.subList(from, Math.min(order.size(), from + 15)))
                                .responses());
                        nodeFolder.compact(1, FIRST_DAY.plusDays(10));
                    }
                    return null;
                }));
            }
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(folded.get()).as("each response claimed by exactly one fold").isEqualTo(ids.size());
        assertThat(folder.pending()).isEmpty();
        assertMatchesDirectAggregation();
    }

    private void assertMatchesDirectAggregation() {
        Map<String, TreeMap<LocalDate, SatisfactionAggregate>> expected = new TreeMap<>();
        for (SurveyResponse r : stored) {
            expected.computeIfAbsent(r.touchpoint(), k -> new TreeMap<>())
                    .computeIfAbsent(day(r), k -> SatisfactionAggregate.empty())
                    .add(catalog.find(r.template(), r.templateVersion()).orElseThrow(), r.answers());
        }
        var actual = aggregates.read(null, null, null);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((tp, days) -> {
            assertThat(actual.get(tp).keySet()).isEqualTo(days.keySet());
            days.forEach((day, e) -> {
                SatisfactionAggregate a = actual.get(tp).get(day);
                assertThat(a.responses()).as(tp + " " + day).isEqualTo(e.responses());
                assertThat(a.ratings("nps").counts()).isEqualTo(e.ratings("nps").counts());
                IndicatorStatistics se = e.moments("acsi").statistics(MissingValues.MEAN_REPLACEMENT);
                IndicatorStatistics sa = a.moments("acsi").statistics(MissingValues.MEAN_REPLACEMENT);
                for (int j = 0; j < se.size(); j++) {
                    assertThat(sa.means()[j]).isCloseTo(se.means()[j], within(1e-12));
                    for (int k = 0; k < se.size(); k++) {
                        assertThat(sa.covariance()[j][k]).isCloseTo(se.covariance()[j][k], within(1e-12));
                    }
                }
            });
        });
    }

    private static LocalDate day(SurveyResponse r) {
        return LocalDate.ofInstant(r.receivedAt(), java.time.ZoneOffset.UTC);
    }

    /** Stores n ACSI responses spread over three days. */
    private List<String> store(int n, String touchpoint, Random random) {
        SurveyTemplate acsi = catalog.find("acsi", 1).orElseThrow();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (String item : List.of("CE1", "CE2", "CE3", "PQ1", "PQ2", "PQ3", "PV1", "PV2", "SAT1", "SAT2", "SAT3",
                    "CL1", "CL2")) {
                answers.put(item, 1L + random.nextInt(10));
            }
            answers.put("CC1", (long) random.nextInt(2));
            answers.put("NPS", (long) random.nextInt(11));
            String id = "resp-" + touchpoint + "-" + stored.size();
            Instant at = Instant.parse("2026-03-01T12:00:00Z").plusSeconds(86_400L * random.nextInt(3));
            SurveyResponse r = new SurveyResponse(id, "dep-" + touchpoint, touchpoint, acsi.id(), acsi.version(), "en",
                    answers, "fp", at, null);
            assertThat(responses.insert(r)).isTrue();
            stored.add(r);
            ids.add(id);
        }
        return ids;
    }
}

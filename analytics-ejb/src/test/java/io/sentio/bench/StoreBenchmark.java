package io.sentio.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.sentio.storage.control.BatchedInserts;
import io.sentio.storage.control.EmbeddedMongo;
import io.sentio.storage.control.GroupCommit;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded store's ceiling for the collection path, without HTTP: concurrent single-document inserts of
 * ACSI-sized responses through the real MongoDB driver: one insert per document without and with the durability
 * wait ({@link GroupCommit}), and group inserts ({@link BatchedInserts}, one insertMany and one durability step per
 * batch). Prints inserts/s for each.
 * Run: {@code mvn -B -q -pl analytics-ejb exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.sentio.bench.StoreBenchmark}
 */
public final class StoreBenchmark {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("sentio-store-bench");
        try (EmbeddedMongo store = EmbeddedMongo.start(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> responses = client.getDatabase("bench").getCollection("responses");
            GroupCommit durable = new GroupCommit(store::commit);
            run("warm-up", responses, null, null, threads, 3);
            run("insert only", responses, null, null, threads, seconds);
            run("insert + durable", responses, durable, null, threads, seconds);
            run("batched + durable", responses, null, new BatchedInserts(responses, durable::awaitDurable), threads,
                    seconds);
            System.out.printf("commits: %d%n", durable.commits());
        }
    }

    private static void run(String name, MongoCollection<Document> responses, GroupCommit durable,
                            BatchedInserts batched, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    Document answers = new Document();
                    for (String item : List.of("CE1", "CE2", "CE3", "PQ1", "PQ2", "PQ3", "PV1", "PV2", "SAT1", "SAT2",
                            "SAT3", "CC1", "CL1", "CL2", "NPS")) {
                        answers.append(item, 7);
                    }
                    answers.append("COMMENT", "benchmark comment");
                    Document response = new Document("_id", UUID.randomUUID().toString()).append("deployment", "d")
                            .append("touchpoint", "web").append("answers", answers)
                            .append("receivedAt", new java.util.Date());
                    if (batched != null) {
                        batched.insert(response);
                    } else {
                        responses.insertOne(response);
                    }
                    if (durable != null) {
                        durable.awaitDurable();
                    }
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("%-18s %d threads: %,.0f inserts/s%n", name, threads, done.get() / (double) seconds);
    }
}

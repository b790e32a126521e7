package io.sentio.bench;

import io.sentio.search.control.CommentIndex;
import io.sentio.search.control.CommentSearch;
import io.sentio.search.control.KeyTerms;
import io.sentio.search.control.SentimentScorer;
import io.sentio.search.entity.CommentDocument;
import io.sentio.search.entity.CommentLanguage;
import io.sentio.search.entity.CommentPage;
import io.sentio.search.entity.CommentQuery;
import io.sentio.search.entity.CommentSource;
import io.sentio.search.entity.ScoreBand;
import io.sentio.search.entity.Sentiment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Comment search benchmark: bulk indexing rate, search latency with facets and snippets, NRT visibility
 * and key-term latency over a seeded mixed en/zh corpus ({@link CommentCorpus}).
 *
 * <p>Run: {@code mvn -B -q -pl analytics-ejb -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.sentio.bench.SearchBenchmark -Dexec.args="1000000 2"} (comments, indexing threads).
 */
public final class SearchBenchmark {

    private static final String[] QUERIES = {"refund", "delivery", "rude", "\"never arrived\"", "退货", "退貨", "客服",
            "闪退", "refund AND late", "refu*", "helpful OR friendly", "app NOT crashed", "hold", "态度很差", "包装",
            "courier damaged", "expensive", "网站", "invoice", "\"on hold\""};

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory("sentio-bench-index");
        CommentCorpus corpus = new CommentCorpus(42);
        System.out.printf("cores=%d heap=%dMB comments=%d indexing threads=%d%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, n, threads);
        try (CommentIndex index = new CommentIndex(dir, SentimentScorer.standard(), 256)) {
            // --- bulk indexing
            AtomicLong next = new AtomicLong();
            long t0 = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = Thread.ofPlatform().start(() -> {
                    for (long i; (i = next.getAndIncrement()) < n; ) {
                        index.index(corpus.comment(i));
                    }
                });
                workers.add(w);
            }
            for (Thread w : workers) {
                w.join();
            }
            long t1 = System.nanoTime();
            index.commit("bench|" + n);
            long t2 = System.nanoTime();
            index.refresh();
            System.out.printf("indexing: %d comments in %.1f s = %.0f comments/s (commit %.1f s more, incl. %.0f/s)%n",
                    n, (t1 - t0) / 1e9, n / ((t1 - t0) / 1e9), (t2 - t1) / 1e9, n / ((t2 - t0) / 1e9));
            System.out.printf("index size on disk: %.0f MB, visible comments: %d%n", size(dir) / 1e6, index.size());

            // --- search latency
            CommentSearch search = new CommentSearch(index, "bench-cursor-key-0123456789".getBytes(StandardCharsets.UTF_8));
            Random rnd = new Random(7);
            for (int i = 0; i < 300; i++) {
                search.search(randomQuery(rnd));
            }
            int runs = 1000;
            long[] lat = new long[runs];
            long totalHits = 0;
            for (int i = 0; i < runs; i++) {
                CommentQuery q = randomQuery(rnd);
                long s = System.nanoTime();
                CommentPage page = search.search(q);
                lat[i] = System.nanoTime() - s;
                totalHits += page.total();
            }
            report("search (query + filters + facets + 20 snippets)", lat, "mean total hits " + totalHits / runs);
            long[] broad = new long[200];
            for (int i = 0; i < broad.length; i++) {
                long s = System.nanoTime();
                search.search(CommentQuery.of(i % 2 == 0 ? null : "delivery OR 快递 OR 快遞"));
                broad[i] = System.nanoTime() - s;
            }
            report("broadest (match-all or very common words, all facets)", broad, "");

            // --- NRT visibility: a 100 ms refresh timer, as the boundary would run it
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleAtFixedRate(index::maybeRefresh, 100, 100, TimeUnit.MILLISECONDS);
            long[] nrt = new long[20];
            for (int i = 0; i < nrt.length; i++) {
                String token = "nrtprobe" + i + "x" + rnd.nextInt(1_000_000);
                long s = System.nanoTime();
                index.index(new CommentDocument("probe" + i, CommentSource.RESPONSE, "probe" + i, null, "web", "en",
                        Instant.now(), ScoreBand.NONE, Sentiment.NEUTRAL, null, null, "visibility " + token));
                while (search.search(CommentQuery.of(token)).total() == 0) {
                    Thread.sleep(2);
                }
                nrt[i] = System.nanoTime() - s;
                Thread.sleep(rnd.nextInt(150));
            }
            timer.shutdownNow();
            report("NRT visibility (index -> searchable, 100 ms refresh timer)", nrt, "");

            // --- key terms
            KeyTerms keyTerms = new KeyTerms(index);
            long[] kt = new long[8];
            for (int i = 0; i < kt.length; i++) {
                long s = System.nanoTime();
                keyTerms.forTouchpoint(CommentCorpus.TOUCHPOINTS[i], Instant.parse("2024-06-01T00:00:00Z"),
                        Instant.parse("2024-09-01T00:00:00Z"), 20);
                kt[i] = System.nanoTime() - s;
            }
            report("key terms (one touchpoint, one quarter)", kt, "");
            System.out.println("sample key terms (app, 2024Q3): " + keyTerms.forTouchpoint("app",
                    Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-09-01T00:00:00Z"), 8));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static CommentQuery randomQuery(Random rnd) {
        CommentQuery q = CommentQuery.of(QUERIES[rnd.nextInt(QUERIES.length)]);
        if (rnd.nextDouble() < 0.5) {
            q = q.withTouchpoint(CommentCorpus.TOUCHPOINTS[rnd.nextInt(CommentCorpus.TOUCHPOINTS.length)]);
        }
        if (rnd.nextDouble() < 0.3) {
            q = q.withLanguage(CommentLanguage.values()[rnd.nextInt(3)]);
        }
        if (rnd.nextDouble() < 0.3) {
            q = q.withSentiment(Sentiment.values()[rnd.nextInt(3)]);
        }
        if (rnd.nextDouble() < 0.3) {
            Instant from = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * rnd.nextInt(600));
            q = q.withPeriod(from, from.plusSeconds(86_400L * 90));
        }
        return q;
    }

    private static void report(String what, long[] nanos, String extra) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms %s%n", what, s.length,
                s[(int) (s.length * 0.50)] / 1e6, s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6,
                s[s.length - 1] / 1e6, extra);
    }

    private static long size(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}

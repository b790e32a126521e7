package io.sentio.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * NRT visibility through the HTTP API of a running Sentio: for each of N comments, the time from the 201 of
 * its submission to the first search that finds it (searches every 5 ms), optionally while background
 * clients keep submitting other comments. Prints p50/p90/max. Not a test.
 *
 * <p>Arguments: base URL (http://127.0.0.1:8080/), admin password, comments (50), background clients (0).
 */
public final class NrtVisibilityBenchmark {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/").resolve("api/v1/");
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + (args.length > 1 ? args[1] : ""))
                .getBytes(StandardCharsets.UTF_8));
        int comments = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int background = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        // Fresh words per run: a word from an earlier run on the same store would count twice.
        Random random = new java.security.SecureRandom();
        String tp = "nrt" + Integer.toHexString(random.nextInt(1 << 24));
        String deployment = deploy(base, auth, tp);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong backgroundSubmits = new AtomicLong();
        ExecutorService load = Executors.newFixedThreadPool(Math.max(1, background));
        for (int i = 0; i < background; i++) {
            load.submit(() -> {
                while (running.get()) {
                    submit(base, deployment, "Background comment about delivery " + UUID.randomUUID());
                    backgroundSubmits.incrementAndGet();
                }
                return null;
            });
        }
        // warm-up: analyzers, JIT
        for (int i = 0; i < 5; i++) {
            measure(base, auth, deployment, tp, word(random));
        }
        long started = System.nanoTime();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < comments; i++) {
            millis.add(measure(base, auth, deployment, tp, word(random)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        load.shutdown();
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "NRT visibility over HTTP (201 -> first search hit), %d comments, %d background clients "
                        + "(%.0f background submits/s):%n  p50 %.0f ms, p90 %.0f ms, max %.0f ms%n",
                comments, background, backgroundSubmits.get() / seconds, pct(millis, 0.5), pct(millis, 0.9),
                millis.getLast());
    }

    private static double measure(URI base, String auth, String deployment, String tp, String word) throws Exception {
        submit(base, deployment, "The courier " + word + " was late again");
        long acknowledged = System.nanoTime();
        HttpRequest search = HttpRequest.newBuilder(base.resolve("search/comments?size=1&touchpoint=" + tp + "&q=" + word))
                .header("Authorization", auth).timeout(Duration.ofSeconds(10)).build();
        while (true) {
            HttpResponse<String> reply = CLIENT.send(search, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("search failed: " + reply.statusCode() + " " + reply.body());
            }
            if (reply.body().contains("\"total\":1,") || reply.body().endsWith("\"total\":1}")) {
                return (System.nanoTime() - acknowledged) / 1e6;
            }
            if (System.nanoTime() - acknowledged > 30_000_000_000L) {
                throw new IllegalStateException("not visible within 30 s: " + word);
            }
            Thread.sleep(5);
        }
    }

    private static void submit(URI base, String deployment, String comment) throws IOException, InterruptedException {
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"language\":\"en\",\"answers\":{\"NPS\":5,\"COMMENT\":\""
                + comment + "\"}}";
        HttpResponse<String> reply = CLIENT.send(HttpRequest.newBuilder(base.resolve("deployments/" + deployment + "/responses"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201) {
            throw new IllegalStateException("submit failed: " + reply.statusCode() + " " + reply.body());
        }
    }

    private static String deploy(URI base, String auth, String tp) throws IOException, InterruptedException {
        HttpResponse<String> reply = CLIENT.send(HttpRequest.newBuilder(base.resolve("deployments"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"template\":\"nps\",\"touchpoint\":\"" + tp
                        + "\",\"channel\":\"link\",\"mode\":\"anonymous\",\"languages\":[\"en\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201) {
            throw new IllegalStateException("deploy failed: " + reply.statusCode() + " " + reply.body());
        }
        return reply.body().replaceFirst(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static String word(Random random) {
        StringBuilder b = new StringBuilder("nrt");
        for (int i = 0; i < 10; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}

package io.sentio.it;

import jakarta.json.JsonObject;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Concurrent clients submitting responses while the server is killed with -9: records which response ids were
 * acknowledged (2xx) and which were attempted, for crash tests to check against after a restart.
 */
final class SubmitUntilCrash {

    /** What the clients saw: every acknowledged id was also attempted. */
    record Outcome(Set<String> acknowledged, Set<String> attempted) {
    }

    /** The body a client sends for response {@code id}, its {@code n}-th submission. */
    interface Body {
        JsonObject of(String id, int client, int n);
    }

    private SubmitUntilCrash() {
    }

    /** Submits from {@code clients} threads to {@code path}; kills the server after {@code acknowledgedBeforeCrash}. */
    static Outcome run(SentioServer server, Api api, String path, int clients, int acknowledgedBeforeCrash, Body body)
            throws InterruptedException {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                int n = 0;
                while (running.get()) {
                    String id = UUID.randomUUID().toString();
                    attempted.add(id);
                    try {
                        int status = api.post(path, body.of(id, client, n++)).status();
                        if (status == 201 || status == 200) {
                            acknowledged.add(id);
                        }
                    } catch (RuntimeException e) {
                        return; // the server died under this request: unacknowledged
                    }
                }
            });
        }
        while (acknowledged.size() < acknowledgedBeforeCrash) {
            Thread.sleep(20);
        }
        server.crash();
        running.set(false);
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("clients did not stop after the crash");
        }
        return new Outcome(Set.copyOf(acknowledged), Set.copyOf(attempted));
    }
}

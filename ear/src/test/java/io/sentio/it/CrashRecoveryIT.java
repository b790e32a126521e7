package io.sentio.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the server while clients are submitting: after a restart every acknowledged response is
 * there exactly once (a resubmission is recognised as already stored and adds nothing).
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 8;

    @Test
    void everyAcknowledgedResponseSurvivesKillNineExactlyOnce() throws Exception {
        try (SentioServer server = new SentioServer("crash").startFresh()) {
            Api api = new Api(server.base());
            String deployment = api.deploy("acsi", "web").getString("id");
            String path = "deployments/" + deployment + "/responses";

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Set<String> attempted = ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        String id = UUID.randomUUID().toString();
                        attempted.add(id);
                        try {
                            int status = api.post(path, Api.submission(id, "en", answersFor(id))).status();
                            if (status == 201 || status == 200) {
                                acknowledged.add(id);
                            }
                        } catch (RuntimeException e) {
                            return; // the server died under this request: unacknowledged
                        }
                    }
                });
            }
            while (acknowledged.size() < 300) {
                Thread.sleep(20);
            }
            server.crash();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            server.start();
            long countAfterRestart = CollectionApiIT.count(api, deployment);
            assertThat(countAfterRestart).isGreaterThanOrEqualTo(acknowledged.size())
                    .isLessThanOrEqualTo(attempted.size());

            List<String> missing = new ArrayList<>();
            for (String id : acknowledged) {
                Api.Reply again = api.post(path, Api.submission(id, "en", answersFor(id)));
                if (again.status() != 200 || !again.json().getString("status").equals("already-stored")) {
                    missing.add(id + " -> " + again);
                }
            }
            assertThat(missing).as("acknowledged before the crash but not stored").isEmpty();
            assertThat(CollectionApiIT.count(api, deployment)).isEqualTo(countAfterRestart);
        }
    }

    /** Answers derived from the id, so a resubmission carries the very same answers. */
    private static JsonObject answersFor(String id) {
        return Api.acsiAnswers(1 + Math.floorMod(id.hashCode(), 10));
    }
}

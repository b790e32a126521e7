package io.sentio.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

            SubmitUntilCrash.Outcome outcome = SubmitUntilCrash.run(server, api, path, CLIENTS, 300,
                    (id, client, n) -> Api.submission(id, "en", answersFor(id)));
            Set<String> acknowledged = outcome.acknowledged();
            Set<String> attempted = outcome.attempted();

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

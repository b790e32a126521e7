package io.sentio.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitation tokens: required, single use even under concurrent submits, save and resume. */
@ExtendWith(SharedServer.class)
class InvitationsIT {

    private static String invitationDeployment(Api api) {
        Api.Reply reply = api.asAdmin().post("deployments", Json.createObjectBuilder().add("template", "nps")
                .add("touchpoint", "email").add("channel", "email").add("mode", "invitation").build());
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().getString("id");
    }

    private static List<String> invite(Api api, String deployment, int count) {
        Api.Reply reply = api.asAdmin().post("deployments/" + deployment + "/invitations",
                Json.createObjectBuilder().add("count", count).build());
        assertThat(reply.status()).isEqualTo(201);
        return reply.array().stream().map(v -> v.asJsonObject().getString("token")).toList();
    }

    private static JsonObject npsSubmission(String id, String token, int score) {
        return Json.createObjectBuilder().add("id", id).add("language", "en")
                .add("answers", Json.createObjectBuilder().add("NPS", score)).add("token", token).build();
    }

    @Test
    void tokensAreLongRandomAndRequired(Api api) {
        String deployment = invitationDeployment(api);
        List<String> tokens = invite(api, deployment, 3);
        assertThat(tokens).doesNotHaveDuplicates().allSatisfy(t -> assertThat(t).hasSizeGreaterThanOrEqualTo(22));
        Api.Reply noToken = api.post("deployments/" + deployment + "/responses",
                Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("language", "en")
                        .add("answers", Json.createObjectBuilder().add("NPS", 9)).build());
        assertThat(noToken.status()).isEqualTo(403);
        Api.Reply forged = api.post("deployments/" + deployment + "/responses",
                npsSubmission(UUID.randomUUID().toString(), tokens.get(0) + "x", 9));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(CollectionApiIT.count(api, deployment)).isZero();
    }

    @Test
    void aTokenIsUsedOnceEvenUnderConcurrentSubmits(Api api) throws Exception {
        String deployment = invitationDeployment(api);
        String token = invite(api, deployment, 1).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> submits = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                submits.add(() -> api.post("deployments/" + deployment + "/responses",
                        npsSubmission(UUID.randomUUID().toString(), token, 8)).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(submits)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 201).allSatisfy(s -> assertThat(s).isEqualTo(409));
        } finally {
            pool.shutdownNow();
        }
        assertThat(CollectionApiIT.count(api, deployment)).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameResponseIdAndTokenIsHarmless(Api api) {
        String deployment = invitationDeployment(api);
        String token = invite(api, deployment, 1).get(0);
        String id = UUID.randomUUID().toString();
        assertThat(api.post("deployments/" + deployment + "/responses", npsSubmission(id, token, 6)).status())
                .isEqualTo(201);
        assertThat(api.post("deployments/" + deployment + "/responses", npsSubmission(id, token, 6)).status())
                .isIn(200, 201);
        assertThat(CollectionApiIT.count(api, deployment)).isEqualTo(1);
    }

    @Test
    void progressIsSavedAndResumedUntilTheTokenIsUsed(Api api) {
        String deployment = invitationDeployment(api);
        String token = invite(api, deployment, 1).get(0);
        Api.Reply saved = api.put("deployments/" + deployment + "/progress?t=" + token,
                Json.createObjectBuilder().add("answers", Json.createObjectBuilder().add("NPS", 7)).build());
        assertThat(saved.status()).isEqualTo(204);
        JsonObject form = api.get("deployments/" + deployment + "/form?t=" + token).json();
        assertThat(form.getJsonObject("progress").getInt("NPS")).isEqualTo(7);

        Api.Reply hostile = api.put("deployments/" + deployment + "/progress?t=" + token,
                Json.createObjectBuilder().add("answers", Json.createObjectBuilder().add("$set", 1)).build());
        assertThat(hostile.status()).isEqualTo(400);

        assertThat(api.post("deployments/" + deployment + "/responses",
                npsSubmission(UUID.randomUUID().toString(), token, 7)).status()).isEqualTo(201);
        assertThat(api.get("deployments/" + deployment + "/form?t=" + token).status()).isEqualTo(409);
    }
}

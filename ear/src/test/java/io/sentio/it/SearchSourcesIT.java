package io.sentio.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.sentio.it.CommentSearchIT.awaitTotal;
import static io.sentio.it.CommentSearchIT.search;
import static io.sentio.it.CommentSearchIT.submit;
import static io.sentio.it.CommentSearchIT.touchpoint;
import static io.sentio.it.CommentSearchIT.word;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comment search over interaction notes and community activity (written one by one and imported), the
 * {@code source} filter and facet, deletion of a response and erasure of a customer, black-box. Each test uses
 * its own invented words and ids, because other ITs share the server.
 */
@ExtendWith(SharedServer.class)
class SearchSourcesIT {

    @Test
    void interactionNotesAndCommunityTextBecomeSearchableWithTheirSource(Api api) {
        String word = word();
        String customer = "cust " + UUID.randomUUID();
        Api admin = api.asAdmin();
        assertThat(admin.post("interactions", Json.createObjectBuilder().add("id", "call-" + word).add("customer", customer)
                .add("touchpoint", "Call Centre").add("channel", "phone").add("type", "complaint")
                .add("note", "Caller says the parcel never arrived " + word).add("date", "2026-03-02").build()).status())
                .isEqualTo(201);
        for (String kind : List.of("post", "reply", "answer", "praise")) {
            assertThat(admin.post("community", Json.createObjectBuilder().add("id", kind + "-" + word).add("customer", customer)
                    .add("kind", kind).add("text", "退货太慢了，等了两个星期 " + kind + " " + word).add("date", "2026-03-03").build()).status())
                    .isEqualTo(201);
        }

        JsonObject page = awaitTotal(api, "q=" + word, 4);
        assertThat(page.getJsonObject("facets").keySet()).containsExactly("touchpoint", "language", "sentiment", "source");
        assertThat(counts(page.getJsonObject("facets").getJsonObject("source")))
                .as("praise is activity, not a comment").isEqualTo(Map.of("interaction", 1L, "post", 1L, "reply", 1L, "answer", 1L));
        assertThat(counts(page.getJsonObject("facets").getJsonObject("touchpoint")))
                .isEqualTo(Map.of("call-centre", 1L, "community", 3L));
        JsonObject note = awaitTotal(api, "q=" + word + "&source=interaction", 1).getJsonArray("hits").getJsonObject(0);
        assertThat(note.keySet()).as("the hit shape of responses").containsExactly("id", "source", "responseId",
                "touchpoint", "language", "date", "snippet", "sentiment");
        assertThat(note.get("responseId")).isEqualTo(JsonValue.NULL);
        assertThat(note.getString("id")).isEqualTo("interactions/call-" + word);
        assertThat(note.getString("language")).isEqualTo("en");
        assertThat(note.getString("date")).isEqualTo("2026-03-02T00:00:00Z");
        assertThat(note.getString("snippet")).contains("<mark>" + word + "</mark>");
        JsonObject answer = awaitTotal(api, "q=" + word + "&source=answer", 1).getJsonArray("hits").getJsonObject(0);
        assertThat(answer.getString("language")).isEqualTo("zh-CN");

        // replacing a post with new text re-indexes it: the old text is no longer found
        String other = word();
        assertThat(admin.post("community", Json.createObjectBuilder().add("id", "post-" + word).add("customer", customer)
                .add("kind", "post").add("text", "edited " + other).add("date", "2026-03-03").build()).status()).isEqualTo(200);
        awaitTotal(api, "q=" + other, 1);
        awaitTotal(api, "q=" + word, 3);

        Api.Reply bad = search(api, "source=tweet");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("source");
    }

    @Test
    void importedRecordsAreSearchableAndARebuildKeepsThem(Api api) throws InterruptedException {
        String word = word();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            ndjson.append(Json.createObjectBuilder().add("id", "imp-" + i + "-" + word).add("customer", "imp-cust-" + (i % 3))
                    .add("kind", i % 2 == 0 ? "post" : "read").add("text", "imported " + i + " " + word)
                    .add("date", "2026-01-" + String.format("%02d", 1 + i % 28)).build()).append('\n');
        }
        Api.Reply started = api.asAdmin().send(api.asAdmin().request("imports?kind=community&format=ndjson")
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())));
        assertThat(started.status()).isEqualTo(202);
        awaitTotal(api, "q=" + word, 15);
        assertThat(search(api, "q=" + word + "&source=post").json().getInt("total")).isEqualTo(15);

        Api.Reply rebuilt = api.asAdmin().post("search/reindex", "");
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.json().keySet()).containsExactly("status", "responses", "records", "comments", "millis");
        assertThat(rebuilt.json().getJsonNumber("records").longValue()).isGreaterThanOrEqualTo(30);
        assertThat(search(api, "q=" + word).json().getInt("total")).isEqualTo(15);
    }

    @Test
    void deletingAResponseRemovesItsCommentsAndRepeatingItIsHarmless(Api api) {
        String word = word();
        String tp = touchpoint();
        String deployment = api.deploy("nps", tp).getString("id");
        String gone = submit(api, deployment, "en", 3, "to be deleted " + word);
        String kept = submit(api, deployment, "en", 9, "to be kept " + word);
        awaitTotal(api, "q=" + word, 2);

        String path = "deployments/" + deployment + "/responses/" + gone;
        assertThat(api.delete(path).status()).isEqualTo(401);
        assertThat(api.asAdmin().delete("deployments/no-such-deployment/responses/" + gone).status()).isEqualTo(404);
        assertThat(api.asAdmin().delete(path).status()).isEqualTo(204);
        JsonObject after = search(api, "q=" + word).json();
        assertThat(after.getInt("total")).as("gone from the index when the 204 arrives").isEqualTo(1);
        assertThat(CommentSearchIT.responseIds(after)).containsExactly(kept);
        assertThat(api.asAdmin().delete(path).status()).as("idempotent").isEqualTo(204);
        String csv = api.asAdmin().send(api.asAdmin().request("deployments/" + deployment + "/responses")
                .header("Accept", "text/csv").GET()).body();
        assertThat(csv).contains(kept).doesNotContain(gone);
        assertThat(search(api, "q=" + word).json().getInt("total")).as("no poll brings it back").isEqualTo(1);
    }

    @Test
    void erasingACustomerDeletesTheirRecordsResponsesAndComments(Api api) {
        String word = word();
        String customer = "erase-" + UUID.randomUUID();
        String bystander = "keep-" + UUID.randomUUID();
        Api admin = api.asAdmin();
        assertThat(admin.put("customers/" + customer, Json.createObjectBuilder().add("name", "Ann").build()).status()).isEqualTo(201);
        assertThat(admin.post("transactions", Json.createObjectBuilder().add("id", "t-" + word).add("customer", customer)
                .add("date", "2026-01-05").add("amount", 12.5).build()).status()).isEqualTo(201);
        assertThat(admin.post("interactions", Json.createObjectBuilder().add("id", "i-" + word).add("customer", customer)
                .add("touchpoint", "phone").add("channel", "phone").add("type", "complaint")
                .add("note", "erase me " + word).add("date", "2026-01-06").build()).status()).isEqualTo(201);
        assertThat(admin.post("community", Json.createObjectBuilder().add("id", "c-" + word).add("customer", customer)
                .add("kind", "post").add("text", "erase my post " + word).add("date", "2026-01-07").build()).status()).isEqualTo(201);
        assertThat(admin.post("community", Json.createObjectBuilder().add("id", "b-" + word).add("customer", bystander)
                .add("kind", "post").add("text", "someone else " + word).add("date", "2026-01-07").build()).status()).isEqualTo(201);

        String deployment = admin.post("deployments", Json.createObjectBuilder().add("template", "nps")
                .add("touchpoint", touchpoint()).add("channel", "email").add("mode", "invitation").build()).json().getString("id");
        var tokens = admin.post("deployments/" + deployment + "/invitations", Json.createObjectBuilder()
                .add("customers", Json.createArrayBuilder().add(customer).add(customer)).build()).array();
        String token = tokens.getJsonObject(0).getString("token");
        String unused = tokens.getJsonObject(1).getString("token");
        assertThat(api.get("deployments/" + deployment + "/form?t=" + unused).status()).isEqualTo(200);
        String responseId = UUID.randomUUID().toString();
        assertThat(api.post("deployments/" + deployment + "/responses", Json.createObjectBuilder().add("id", responseId)
                .add("language", "en").add("token", token).add("answers", Json.createObjectBuilder().add("NPS", 2)
                        .add("COMMENT", "my survey comment " + word)).build()).status()).isEqualTo(201);
        awaitTotal(api, "q=" + word, 4);

        assertThat(api.delete("customers/" + customer).status()).isEqualTo(401);
        assertThat(admin.delete("customers/" + customer).status()).isEqualTo(204);
        JsonObject after = search(api, "q=" + word).json();
        assertThat(after.getInt("total")).as("only the bystander's post is left").isEqualTo(1);
        assertThat(after.getJsonArray("hits").getJsonObject(0).getString("id")).isEqualTo("community/b-" + word);
        for (String path : List.of("customers/" + customer, "transactions/t-" + word, "interactions/i-" + word,
                "community/c-" + word)) {
            assertThat(admin.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(admin.get("community/b-" + word).status()).isEqualTo(200);
        String csv = admin.send(admin.request("deployments/" + deployment + "/responses").header("Accept", "text/csv").GET()).body();
        assertThat(csv).doesNotContain(responseId);
        assertThat(api.get("deployments/" + deployment + "/form?t=" + unused).status())
                .as("the erased customer's invitations are gone").isEqualTo(403);
        assertThat(admin.delete("customers/" + customer).status()).as("idempotent").isEqualTo(204);
        assertThat(admin.delete("customers/" + "x".repeat(201)).status()).isEqualTo(400);
    }

    private static Map<String, Long> counts(JsonObject facet) {
        Map<String, Long> result = new HashMap<>();
        facet.forEach((k, v) -> result.put(k, ((jakarta.json.JsonNumber) v).longValue()));
        return result;
    }
}

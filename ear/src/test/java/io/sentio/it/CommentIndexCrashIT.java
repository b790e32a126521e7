package io.sentio.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the server while comments are being submitted and indexed: after a restart the indexer
 * catches up from its last Lucene commit and every acknowledged comment is searchable.
 */
class CommentIndexCrashIT {

    private static final int CLIENTS = 6;

    @Test
    void everyAcknowledgedCommentIsSearchableAfterKillNine() throws Exception {
        try (SentioServer server = new SentioServer("search-crash").startFresh()) {
            Api api = new Api(server.base());
            String word = CommentSearchIT.word();
            String tp = CommentSearchIT.touchpoint();
            String deployment = api.deploy("nps", tp).getString("id");
            String path = "deployments/" + deployment + "/responses";

            // Some comments are committed to the index at the crash, the latest are only in its RAM buffer.
            Set<String> acknowledged = SubmitUntilCrash.run(server, api, path, CLIENTS, 400, (id, client, n) -> {
                boolean chinese = (n + client) % 3 == 0;
                JsonObject answers = Json.createObjectBuilder().add("NPS", n % 11)
                        .add("COMMENT", chinese ? word + " 退货很慢，第" + n + "次" : "Comment " + n + " about " + word + " and refunds")
                        .build();
                return Api.submission(id, chinese ? "zh-CN" : "en", answers);
            }).acknowledged();

            server.start();
            long deadline = System.currentTimeMillis() + 60_000;
            Set<String> found = new HashSet<>();
            List<String> hits = new ArrayList<>();
            while (System.currentTimeMillis() < deadline) {
                hits.clear();
                CommentSearchIT.allHits(api, "q=" + word + "&touchpoint=" + tp + "&size=100")
                        .forEach(h -> hits.add(h.getString("responseId")));
                found.clear();
                found.addAll(hits);
                if (found.containsAll(acknowledged)) {
                    break;
                }
                Thread.sleep(200);
            }
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(found);
            assertThat(missing).as("acknowledged before the crash but not searchable after restart").isEmpty();
            assertThat(hits).as("one comment per response, re-indexing upserts").doesNotHaveDuplicates();
        }
    }
}

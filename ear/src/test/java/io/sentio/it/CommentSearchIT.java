package io.sentio.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comment search of issue 5, black-box: comments submitted through the collection API become searchable
 * (polled for up to 10 s; the real latency is measured by the benchmark), with stemming, Chinese in both
 * scripts, exact facets, escaped snippets, cursors, 400 problems for bad parameters and role checks.
 * Every test uses its own touchpoints and invented words, because other ITs share the server.
 */
@ExtendWith(SharedServer.class)
class CommentSearchIT {

    private static final long VISIBLE_WITHIN_MS = 10_000;

    @Test
    void englishStemmingFindsRefundedForRefund(Api api) {
        String tp = touchpoint();
        String deployment = api.deploy("nps", tp).getString("id");
        String responseId = submit(api, deployment, "en", 3, "They finally refunded my order after weeks.");
        submit(api, deployment, "en", 9, "Delivery was quick and friendly.");

        JsonObject page = awaitTotal(api, "q=refund&touchpoint=" + tp, 1);
        assertThat(page.keySet()).as("the contract's members in its order; next absent on the last page")
                .containsExactly("total", "hits", "facets");
        assertThat(page.getJsonObject("facets").keySet()).as("the contract's three, then the source")
                .containsExactly("touchpoint", "language", "sentiment", "source");
        JsonObject hit = page.getJsonArray("hits").getJsonObject(0);
        assertThat(hit.keySet()).containsExactly("id", "source", "responseId", "touchpoint", "language", "date",
                "snippet", "sentiment");
        assertThat(hit.getString("responseId")).isEqualTo(responseId);
        assertThat(hit.getString("source")).isEqualTo("response");
        assertThat(hit.getString("touchpoint")).isEqualTo(tp);
        assertThat(hit.getString("language")).isEqualTo("en");
        assertThat(hit.getString("snippet")).contains("<mark>refunded</mark>");
        assertThat(hit.getString("sentiment")).isIn("positive", "neutral", "negative");
        assertThat(hit.getString("date")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(hit.getString("id")).isNotBlank();
    }

    @Test
    void chineseQueriesFindSimplifiedAndTraditionalComments(Api api) {
        String tp = touchpoint();
        String deployment = api.deploy("nps", tp).getString("id");
        String simplified = submit(api, deployment, "zh-CN", 2, "退货太慢了，等了两个星期。");
        String traditional = submit(api, deployment, "zh-TW", 4, "退貨流程很麻煩。");
        submit(api, deployment, "zh-CN", 10, "服务很好，送货很快。");

        JsonObject bySimplified = awaitTotal(api, "q=" + encode("退货") + "&touchpoint=" + tp + "&language=zh-CN", 1);
        assertThat(responseIds(bySimplified)).containsExactly(simplified);
        JsonObject byTraditional = awaitTotal(api, "q=" + encode("退貨") + "&touchpoint=" + tp + "&language=zh-TW", 1);
        assertThat(responseIds(byTraditional)).containsExactly(traditional);
        assertThat(byTraditional.getJsonArray("hits").getJsonObject(0).getString("snippet")).contains("<mark>");
    }

    @Test
    void facetsCountTheWholeResultExactly(Api api) {
        String word = word();
        String tpA = touchpoint();
        String tpB = touchpoint();
        String a = api.deploy("nps", tpA).getString("id");
        String b = api.deploy("nps", tpB).getString("id");
        submit(api, a, "en", 10, "Excellent, friendly and helpful staff, I love it " + word);
        submit(api, a, "en", 0, "Terrible, rude and useless, the worst experience " + word);
        submit(api, a, "zh-CN", 5, word + " 快递员很粗鲁，太差了");
        submit(api, b, "zh-TW", 8, word + " 包裹週二送達");
        submit(api, b, "en", 7, "The parcel came on Tuesday " + word);
        submit(api, b, "en", 7, "Nothing about the secret word here");

        JsonObject page = awaitTotal(api, "q=" + word + "&size=2", 5);
        JsonObject facets = page.getJsonObject("facets");
        assertThat(counts(facets.getJsonObject("touchpoint"))).isEqualTo(Map.of(tpA, 3L, tpB, 2L));
        assertThat(counts(facets.getJsonObject("language"))).isEqualTo(Map.of("en", 3L, "zh-CN", 1L, "zh-TW", 1L));

        Map<String, Long> sentiments = new HashMap<>();
        for (JsonObject hit : allHits(api, "q=" + word + "&size=2")) {
            sentiments.merge(hit.getString("sentiment"), 1L, Long::sum);
        }
        assertThat(counts(facets.getJsonObject("sentiment"))).isEqualTo(sentiments);
        assertThat(sentiments.getOrDefault("positive", 0L)).isGreaterThanOrEqualTo(1);
        assertThat(sentiments.getOrDefault("negative", 0L)).isGreaterThanOrEqualTo(2);

        JsonObject filtered = search(api, "q=" + word + "&touchpoint=" + tpA + "&sentiment=negative").json();
        long negativeAtA = allHits(api, "q=" + word + "&touchpoint=" + tpA).stream()
                .filter(h -> h.getString("sentiment").equals("negative")).count();
        assertThat(filtered.getJsonNumber("total").longValue()).isEqualTo(negativeAtA);
        assertThat(counts(filtered.getJsonObject("facets").getJsonObject("sentiment")))
                .isEqualTo(Map.of("negative", negativeAtA));

        JsonObject distribution = api.asAdmin().get("touchpoints/" + tpA + "/sentiment").json();
        Map<String, Long> tallyA = new HashMap<>();
        allHits(api, "touchpoint=" + tpA).forEach(h -> tallyA.merge(h.getString("sentiment"), 1L, Long::sum));
        for (String s : List.of("positive", "neutral", "negative")) {
            assertThat(distribution.getJsonNumber(s).longValue()).as(s).isEqualTo(tallyA.getOrDefault(s, 0L));
        }
    }

    @Test
    void markupInCommentsComesBackEscaped(Api api) {
        String word = word();
        String tp = touchpoint();
        String deployment = api.deploy("nps", tp).getString("id");
        submit(api, deployment, "en", 5, "<script>alert(1)</script> " + word + " <img src=x onerror=alert(2)>");

        JsonObject page = awaitTotal(api, "q=" + word + "&touchpoint=" + tp, 1);
        String snippet = page.getJsonArray("hits").getJsonObject(0).getString("snippet");
        assertThat(snippet).contains("&lt;script&gt;").contains("<mark>" + word + "</mark>")
                .doesNotContain("<script>").doesNotContain("<img");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<").doesNotContain(">");
    }

    @Test
    void pagingWithNextReturnsEveryHitOnce(Api api) {
        String word = word();
        String tp = touchpoint();
        String deployment = api.deploy("nps", tp).getString("id");
        Set<String> submitted = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            submitted.add(submit(api, deployment, i % 2 == 0 ? "en" : "zh-CN", i % 11, "comment " + i + " " + word));
        }
        awaitTotal(api, "q=" + word, 23);

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonObject page = search(api, "q=" + word + "&size=10" + (after == null ? "" : "&after=" + encode(after))).json();
            assertThat(page.getInt("total")).isEqualTo(23);
            seen.addAll(responseIds(page));
            after = page.containsKey("next") && page.get("next") != JsonValue.NULL ? page.getString("next") : null;
            pages++;
        } while (after != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(submitted);
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter(Api api) {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("q=" + encode("(".repeat(40) + "a" + ")".repeat(40)), "q");
        cases.put("q=" + encode("*" + "a".repeat(500)), "q");
        cases.put("q=" + encode(String.join(" OR ", java.util.Collections.nCopies(2000, "w"))), "q");
        cases.put("from=yesterday", "from");
        cases.put("to=2026-13-45", "to");
        cases.put("from=2026-03-02&to=2026-03-01", "from");
        cases.put("size=0", "size");
        cases.put("size=1000", "size");
        cases.put("size=ten", "size");
        cases.put("language=fr", "language");
        cases.put("sentiment=angry", "sentiment");
        cases.put("touchpoint=" + encode("Not A Slug!"), "touchpoint");
        cases.put("after=not-a-cursor", "after");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Api.Reply reply = search(api, c.getKey());
            assertThat(reply.status()).as(c.getKey()).isEqualTo(400);
            assertThat(reply.contentType()).as(c.getKey()).startsWith("application/problem+json");
            assertThat(reply.json().getJsonArray("violations").stream()
                    .map(v -> v.asJsonObject().getString("field")).toList()).as(c.getKey()).containsExactly(c.getValue());
        }
        assertThat(api.asAdmin().get("touchpoints/web/terms?size=0").status()).isEqualTo(400);
        assertThat(api.asAdmin().get("touchpoints/web/sentiment?from=never").status()).isEqualTo(400);
    }

    @Test
    void aCursorOfAnotherQueryIsRefused(Api api) {
        String word = word();
        String tp = touchpoint();
        String deployment = api.deploy("nps", tp).getString("id");
        for (int i = 0; i < 3; i++) {
            submit(api, deployment, "en", 5, "text " + i + " " + word);
        }
        String next = awaitTotal(api, "q=" + word + "&size=1", 3).getString("next");
        Api.Reply other = search(api, "q=" + word + "&size=1&sentiment=negative&after=" + encode(next));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).contains("\"after\"");
    }

    @Test
    void searchNeedsAManagementRole(Api api) {
        Api.Reply anonymous = api.get("search/comments?q=x");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(api.get("touchpoints/web/terms").status()).isEqualTo(401);
        assertThat(api.get("touchpoints/web/sentiment").status()).isEqualTo(401);
        assertThat(api.post("search/reindex", "").status()).isEqualTo(401);

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String password = "exec-password-" + suffix;
        for (String role : List.of("executive", "cx-manager")) {
            assertThat(api.asAdmin().put("users/" + role + "-" + suffix, Json.createObjectBuilder().add("password", password)
                    .add("roles", Json.createArrayBuilder().add(role)).build()).status()).isEqualTo(200);
            Api user = api.as(role + "-" + suffix, password);
            Api.Reply reply = user.get("search/comments?q=anything");
            assertThat(reply.status()).as(role).isEqualTo(200);
            assertThat(reply.json().keySet()).as(role).contains("total", "hits", "facets");
            assertThat(user.get("touchpoints/web/terms").status()).as(role).isEqualTo(200);
            assertThat(user.get("touchpoints/web/sentiment").status()).as(role).isEqualTo(200);
            assertThat(user.post("search/reindex", "").status()).as(role).isEqualTo(403);
        }
    }

    @Test
    void keyTermsOfATouchpointIncludeItsOwnWord(Api api) {
        String word = word();
        String tp = touchpoint();
        String deployment = api.deploy("nps", tp).getString("id");
        for (int i = 0; i < 5; i++) {
            submit(api, deployment, "en", 4, "The " + word + " was broken again, " + i + " times");
        }
        awaitTotal(api, "touchpoint=" + tp, 5);
        Api.Reply reply = api.asAdmin().get("touchpoints/" + tp + "/terms?size=10");
        assertThat(reply.status()).isEqualTo(200);
        List<JsonObject> terms = reply.json().getJsonArray("terms").getValuesAs(JsonObject.class);
        assertThat(terms).isNotEmpty();
        JsonObject own = terms.stream().filter(t -> t.getString("term").equals(word)).findFirst().orElseThrow();
        assertThat(own.getJsonNumber("count").longValue()).isEqualTo(5);
        assertThat(own.getJsonNumber("score").doubleValue()).isPositive();
    }

    @Test
    void aRebuildKeepsEveryComment(Api api) {
        String word = word();
        String tp = touchpoint();
        String deployment = api.deploy("nps", tp).getString("id");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit(api, deployment, "en", 6, "rebuild " + i + " " + word));
        }
        awaitTotal(api, "q=" + word, 3);
        Api.Reply rebuilt = api.asAdmin().post("search/reindex", "");
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.json().getJsonNumber("comments").longValue()).isGreaterThanOrEqualTo(3);
        JsonObject after = search(api, "q=" + word).json();
        assertThat(new HashSet<>(responseIds(after))).isEqualTo(ids);
    }

    // --- helpers -------------------------------------------------------------------------------------

    static String touchpoint() {
        return "tp" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** An invented lower-case word no other test uses (letters only, so no analyzer splits it). */
    static String word() {
        StringBuilder b = new StringBuilder("zq");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static String submit(Api api, String deployment, String language, int nps, String comment) {
        String id = UUID.randomUUID().toString();
        JsonObject answers = Json.createObjectBuilder().add("NPS", nps).add("COMMENT", comment).build();
        Api.Reply reply = api.post("deployments/" + deployment + "/responses", Api.submission(id, language, answers));
        if (reply.status() != 201) {
            throw new IllegalStateException("submit failed: " + reply);
        }
        return id;
    }

    static Api.Reply search(Api api, String query) {
        return api.asAdmin().get("search/comments?" + query);
    }

    static JsonObject awaitTotal(Api api, String query, int expected) {
        long deadline = System.currentTimeMillis() + VISIBLE_WITHIN_MS;
        Api.Reply reply;
        do {
            reply = search(api, query);
            if (reply.status() == 200 && reply.json().getInt("total") == expected) {
                return reply.json();
            }
            SentioServer.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("expected " + expected + " hits for " + query + " within " + VISIBLE_WITHIN_MS
                + " ms, last reply " + reply);
    }

    static List<JsonObject> allHits(Api api, String query) {
        List<JsonObject> hits = new ArrayList<>();
        String after = null;
        do {
            JsonObject page = search(api, query + (after == null ? "" : "&after=" + encode(after))).json();
            hits.addAll(page.getJsonArray("hits").getValuesAs(JsonObject.class));
            after = page.containsKey("next") && page.get("next") != JsonValue.NULL ? page.getString("next") : null;
        } while (after != null);
        return hits;
    }

    static List<String> responseIds(JsonObject page) {
        return page.getJsonArray("hits").getValuesAs(JsonObject.class).stream().map(h -> h.getString("responseId")).toList();
    }

    private static Map<String, Long> counts(JsonObject facet) {
        Map<String, Long> result = new HashMap<>();
        facet.forEach((k, v) -> result.put(k, ((jakarta.json.JsonNumber) v).longValue()));
        return result;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}

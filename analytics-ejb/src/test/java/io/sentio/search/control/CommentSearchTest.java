package io.sentio.search.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentio.search.entity.CommentDocument;
import io.sentio.search.entity.CommentHit;
import io.sentio.search.entity.CommentLanguage;
import io.sentio.search.entity.CommentPage;
import io.sentio.search.entity.CommentQuery;
import io.sentio.search.entity.CommentSource;
import io.sentio.search.entity.InvalidQueryException;
import io.sentio.search.entity.ScoreBand;
import io.sentio.search.entity.Sentiment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CommentSearchTest {

    private static final byte[] KEY = "test-cursor-key-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private CommentIndex index;
    private CommentSearch search;

    @BeforeEach
    void open() {
        index = new CommentIndex(dir);
        search = new CommentSearch(index, KEY);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static CommentDocument comment(String id, String touchpoint, String lang, int day, String text) {
        return CommentDocument.ofResponse(id, "r-" + id, touchpoint, lang, T0.plusSeconds(86_400L * day), text);
    }

    private List<String> ids(CommentPage page) {
        return page.hits().stream().map(CommentHit::id).toList();
    }

    @Test
    void englishStemmingFindsRefundedForRefund() {
        index.index(comment("c1", "web", "en", 1, "I was refunded after two weeks"));
        index.index(comment("c2", "web", "en", 2, "Great delivery"));
        index.refresh();
        assertThat(ids(search.search(CommentQuery.of("refund")))).containsExactly("c1");
        assertThat(ids(search.search(CommentQuery.of("refunds")))).containsExactly("c1");
        assertThat(ids(search.search(CommentQuery.of("refu*")))).containsExactly("c1");
    }

    @Test
    void chineseQueriesFindSimplifiedAndTraditionalComments() {
        index.index(comment("s", "store", "zh-CN", 1, "我申请了退货，到现在还没有处理。"));
        index.index(comment("t", "store", "zh-TW", 2, "我申請了退貨，到現在還沒有處理。"));
        index.index(comment("x", "store", "zh-CN", 3, "快递很快，包装很好。"));
        index.refresh();
        assertThat(ids(search.search(CommentQuery.of("退货")))).contains("s").doesNotContain("x");
        assertThat(ids(search.search(CommentQuery.of("退貨")))).contains("t").doesNotContain("x");
        // folding lets the two scripts meet in both directions
        assertThat(ids(search.search(CommentQuery.of("退货")))).containsExactlyInAnyOrder("s", "t");
        assertThat(ids(search.search(CommentQuery.of("退貨")))).containsExactlyInAnyOrder("s", "t");
        // the language filter restricts the results, not how the query is analysed
        assertThat(ids(search.search(CommentQuery.of("退货").withLanguage(CommentLanguage.ZH_TW)))).containsExactly("t");
    }

    @Test
    void chineseWordInsideAnEnglishCommentIsFound() {
        index.index(comment("m", "app", "en", 1, "The 退货 process in the app took three weeks"));
        index.refresh();
        assertThat(ids(search.search(CommentQuery.of("退货")))).containsExactly("m");
        assertThat(ids(search.search(CommentQuery.of("process")))).containsExactly("m");
    }

    @Test
    void phrasesBooleansAndNegation() {
        index.index(comment("a", "web", "en", 1, "The delivery was late and the driver was rude"));
        index.index(comment("b", "web", "en", 2, "The driver was late"));
        index.index(comment("c", "web", "en", 3, "Late delivery, friendly driver"));
        index.refresh();
        assertThat(ids(search.search(CommentQuery.of("\"delivery was late\"")))).containsExactly("a");
        assertThat(ids(search.search(CommentQuery.of("late AND rude")))).containsExactly("a");
        assertThat(ids(search.search(CommentQuery.of("rude OR friendly")))).containsExactlyInAnyOrder("a", "c");
        assertThat(ids(search.search(CommentQuery.of("late NOT rude")))).containsExactlyInAnyOrder("b", "c");
        assertThat(ids(search.search(CommentQuery.of("late -delivery")))).containsExactly("b");
        assertThat(ids(search.search(CommentQuery.of("NOT rude")))).containsExactlyInAnyOrder("b", "c");
        assertThat(ids(search.search(CommentQuery.of("(rude OR friendly) AND driver")))).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void snippetsMarkMatchesAndEscapeEverythingElse() {
        index.index(comment("x", "web", "en", 1, "<script>alert('x')</script> my refund & \"credit\" never came"));
        index.refresh();
        CommentHit hit = search.search(CommentQuery.of("refund")).hits().get(0);
        assertThat(hit.snippet()).contains("<mark>refund</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
        String withoutMarks = hit.snippet().replace("<mark>", "").replace("</mark>", "");
        assertThat(withoutMarks).doesNotContain("<").doesNotContain(">").doesNotContain("\"");
        // with no query text the snippet is the escaped start of the comment
        CommentHit all = search.search(CommentQuery.of(null)).hits().get(0);
        assertThat(all.snippet()).startsWith("&lt;script&gt;").doesNotContain("<mark>");
    }

    @Test
    void chineseSnippetsAreHighlighted() {
        index.index(comment("t", "store", "zh-TW", 1, "我申請了退貨，到現在還沒有處理。"));
        index.refresh();
        assertThat(search.search(CommentQuery.of("退货")).hits().get(0).snippet()).contains("<mark>");
    }

    @Test
    void facetsCountExactlyOverTheWholeFilteredResultSet() {
        Random rnd = new Random(7);
        String[] touchpoints = {"web", "app", "store", "phone", "email"};
        String[] langs = {"en", "zh-CN", "zh-TW"};
        Map<String, Map<String, Long>> expected = new HashMap<>();
        long expectedTotal = 0;
        Instant from = T0.plusSeconds(86_400L * 30);
        Instant to = T0.plusSeconds(86_400L * 300);
        for (int i = 0; i < 600; i++) {
            String tp = touchpoints[rnd.nextInt(touchpoints.length)];
            String lang = langs[rnd.nextInt(langs.length)];
            boolean mentionsDelivery = rnd.nextDouble() < 0.4;
            Sentiment s = Sentiment.values()[rnd.nextInt(3)];
            int day = rnd.nextInt(365);
            String text = switch (lang) {
                case "en" -> mentionsDelivery ? "The delivery took " + day + " days" : "The staff answered in " + day + " minutes";
                case "zh-CN" -> mentionsDelivery ? "配送用了" + day + "天" : "店员回答了问题";
                default -> mentionsDelivery ? "配送用了" + day + "天，門市" : "店員回答了問題";
            };
            index.index(new CommentDocument("c" + i, CommentSource.RESPONSE, "r" + i, null, tp, lang,
                    T0.plusSeconds(86_400L * day), ScoreBand.NONE, s, null, null, text));
            Instant date = T0.plusSeconds(86_400L * day);
            boolean inPeriod = !date.isBefore(from) && date.isBefore(to);
            if (mentionsDelivery && inPeriod && !tp.equals("email")) {
                expectedTotal++;
                expected.computeIfAbsent("touchpoint", k -> new HashMap<>()).merge(tp, 1L, Long::sum);
                expected.computeIfAbsent("language", k -> new HashMap<>()).merge(lang, 1L, Long::sum);
                expected.computeIfAbsent("sentiment", k -> new HashMap<>()).merge(s.tag(), 1L, Long::sum);
            }
        }
        index.refresh();
        // "delivery" in English or 配送 in Chinese, in the period, not from email
        CommentQuery q = new CommentQuery("(delivery OR 配送) NOT email", null, null, null, null, from, to, 10, null, null);
        CommentPage page = search.search(q);
        // "email" never occurs in the texts, so the NOT clause removes nothing; filter email by touchpoint instead
        assertThat(page.total()).isGreaterThan(expectedTotal);
        long emailHits = page.facets().get("touchpoint").getOrDefault("email", 0L);
        assertThat(page.total() - emailHits).isEqualTo(expectedTotal);
        for (String dim : List.of("touchpoint", "language", "sentiment")) {
            Map<String, Long> got = new HashMap<>(page.facets().get(dim));
            if (dim.equals("touchpoint")) {
                got.remove("email");
                assertThat(got).isEqualTo(expected.get(dim));
            }
        }
        // with a touchpoint filter every dimension must match exactly
        for (String tp : List.of("web", "app", "store", "phone")) {
            CommentPage p = search.search(q.withTouchpoint(tp));
            assertThat(p.total()).isEqualTo(expected.get("touchpoint").getOrDefault(tp, 0L));
            assertThat(p.facets().get("touchpoint")).containsOnlyKeys(tp);
        }
        assertThat(sum(page.facets().get("language"))).isEqualTo(page.total());
        assertThat(sum(page.facets().get("sentiment"))).isEqualTo(page.total());
    }

    @Test
    void facetCountsPerDimensionMatchAnIndependentCount() {
        Random rnd = new Random(11);
        String[] touchpoints = {"web", "app", "store"};
        Map<String, Long> tpCounts = new HashMap<>();
        Map<String, Long> sentimentCounts = new HashMap<>();
        Map<String, Long> langCounts = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            String tp = touchpoints[rnd.nextInt(3)];
            Sentiment s = Sentiment.values()[rnd.nextInt(3)];
            boolean zh = rnd.nextBoolean();
            index.index(new CommentDocument("c" + i, CommentSource.POST, null, null, tp, zh ? "zh-CN" : "en",
                    T0, ScoreBand.NONE, s, null, null, zh ? "客服回复很快" : "support replied"));
            tpCounts.merge(tp, 1L, Long::sum);
            sentimentCounts.merge(s.tag(), 1L, Long::sum);
            langCounts.merge(zh ? "zh-CN" : "en", 1L, Long::sum);
        }
        index.refresh();
        CommentPage page = search.search(CommentQuery.of(null));
        assertThat(page.total()).isEqualTo(400);
        assertThat(page.facets().get("touchpoint")).isEqualTo(tpCounts);
        assertThat(page.facets().get("sentiment")).isEqualTo(sentimentCounts);
        assertThat(page.facets().get("language")).isEqualTo(langCounts);
        CommentPage sourceFacet = search.search(CommentQuery.of(null), List.of("source", "scoreBand"));
        assertThat(sourceFacet.facets().get("source")).isEqualTo(Map.of("post", 400L));
        assertThat(sourceFacet.facets().get("scoreBand")).isEqualTo(Map.of("none", 400L));
    }

    private static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void cursorPagingReturnsEveryHitExactlyOnce() {
        for (int i = 0; i < 237; i++) {
            // many comments share a date so that the id tie-break matters
            index.index(comment("c" + i, "web", "en", i % 7, "slow delivery number " + i));
        }
        index.index(comment("other", "web", "en", 1, "friendly staff"));
        index.refresh();
        for (CommentQuery.Order order : CommentQuery.Order.values()) {
            CommentQuery q = CommentQuery.of("delivery").withSize(20).withOrder(order);
            Set<String> seen = new HashSet<>();
            List<String> all = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                CommentPage page = search.search(q.withAfter(cursor));
                assertThat(page.total()).isEqualTo(237);
                all.addAll(ids(page));
                cursor = page.next();
                pages++;
            } while (cursor != null && pages < 100);
            seen.addAll(all);
            assertThat(all).hasSize(237);
            assertThat(seen).hasSize(237);
            assertThat(pages).isEqualTo(12);
        }
    }

    @Test
    void newestOrderIsByDateDescending() {
        index.index(comment("old", "web", "en", 1, "refund"));
        index.index(comment("new", "web", "en", 9, "refund"));
        index.index(comment("mid", "web", "en", 5, "refund"));
        index.refresh();
        assertThat(ids(search.search(CommentQuery.of("refund")))).containsExactly("new", "mid", "old");
    }

    @Test
    void badCursorsAreClearErrors() {
        for (int i = 0; i < 30; i++) {
            index.index(comment("c" + i, "web", "en", i, "refund " + i));
        }
        index.refresh();
        String next = search.search(CommentQuery.of("refund").withSize(10)).next();
        assertThat(next).isNotNull();
        char[] tampered = next.toCharArray();
        tampered[3] = tampered[3] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> search.search(CommentQuery.of("refund").withSize(10).withAfter(new String(tampered))))
                .isInstanceOf(InvalidQueryException.class).hasMessageStartingWith("after:");
        assertThatThrownBy(() -> search.search(CommentQuery.of("refund").withAfter("garbage")))
                .isInstanceOf(InvalidQueryException.class).hasMessageStartingWith("after:");
        assertThatThrownBy(() -> search.search(CommentQuery.of("other words").withAfter(next)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("different query");
        CommentSearch otherKey = new CommentSearch(index, "another-key-0123456789".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> otherKey.search(CommentQuery.of("refund").withAfter(next)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("altered");
        // a different page size with the same query is fine
        assertThat(search.search(CommentQuery.of("refund").withSize(5).withAfter(next)).hits()).hasSize(5);
    }

    /** The timeout only guards against a hang; no speed is asserted. */
    @Test
    @Timeout(60)
    void hostileQueriesAreRejectedOrBounded() {
        for (int i = 0; i < 50; i++) {
            index.index(comment("c" + i, "web", "en", i, "refund request number " + i + " abcdefgh" + i));
        }
        index.refresh();
        List<String> rejected = List.of(
                "*fund",
                "re*und",
                "r*",
                "(".repeat(5000) + "refund" + ")".repeat(5000),
                "(((((((((((refund)))))))))))",
                "refund OR ".repeat(99) + "refund",
                "a ".repeat(300),
                "\"unbalanced quote",
                "AND",
                "refund AND");
        for (String q : rejected) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> search.search(new CommentQuery(
                    q.length() > 1000 ? q.substring(0, 1000) : q, null, null, null, null, null, null, 20, null, null)));
            assertThat(thrown).as(q.length() > 60 ? q.substring(0, 60) + "..." : q)
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageStartingWith("q:");
        }
        assertThatThrownBy(() -> CommentQuery.of("x".repeat(1001))).isInstanceOf(InvalidQueryException.class);
        // odd but legitimate input is answered, not rejected
        List<String> answered = List.of("price: too high", "why?", "refund!", "a/b", "[refund]", "{x}", "refund~2",
                "refund^10", "title:refund", "?efund", "ab" + "c".repeat(900) + "*", "x".repeat(999), "\\", "&& ||", "e-mail");
        for (String q : answered) {
            assertThat(search.search(CommentQuery.of(q))).as(q.length() > 60 ? q.substring(0, 60) : q).isNotNull();
        }
        assertThat(ids(search.search(CommentQuery.of("refund!")))).hasSize(20);
        assertThat(search.search(CommentQuery.of("abcdefgh1*")).total()).isEqualTo(11);
    }

    @Test
    void filtersBySentimentTouchpointAndPeriod() {
        index.index(new CommentDocument("p", CommentSource.RESPONSE, "r1", null, "web", "en", T0, ScoreBand.PROMOTER,
                null, null, null, "Excellent service, thank you"));
        index.index(new CommentDocument("n", CommentSource.RESPONSE, "r2", null, "phone", "en", T0.plusSeconds(86_400),
                ScoreBand.DETRACTOR, null, null, null, "Terrible service, very rude"));
        index.refresh();
        assertThat(ids(search.search(CommentQuery.of("service").withSentiment(Sentiment.POSITIVE)))).containsExactly("p");
        assertThat(ids(search.search(CommentQuery.of("service").withSentiment(Sentiment.NEGATIVE)))).containsExactly("n");
        assertThat(ids(search.search(CommentQuery.of("service").withTouchpoint("phone")))).containsExactly("n");
        assertThat(ids(search.search(CommentQuery.of("service").withPeriod(T0, T0.plusSeconds(3600))))).containsExactly("p");
        assertThat(ids(search.search(CommentQuery.of("service").withPeriod(T0.plusSeconds(3600), null)))).containsExactly("n");
        CommentHit hit = search.search(CommentQuery.of("excellent")).hits().get(0);
        assertThat(hit.sentiment()).isEqualTo("positive");
        assertThat(hit.source()).isEqualTo("response");
        assertThat(hit.responseId()).isEqualTo("r1");
        assertThat(hit.touchpoint()).isEqualTo("web");
        assertThat(hit.language()).isEqualTo("en");
        assertThat(hit.date()).isEqualTo(T0);
    }

    @Test
    void deletesRemoveComments() {
        index.index(new CommentDocument("a1", CommentSource.RESPONSE, "resp-a", null, "web", "en", T0, null, null,
                "cust-1", "gold", "refund please"));
        index.index(new CommentDocument("a2", CommentSource.RESPONSE, "resp-a", null, "web", "en", T0, null, null,
                "cust-1", "gold", "refund again"));
        index.index(new CommentDocument("b1", CommentSource.POST, null, null, "community", "en", T0, null, null,
                "cust-2", null, "refund story"));
        index.index(new CommentDocument("b2", CommentSource.REPLY, null, null, "community", "en", T0, null, null,
                "cust-2", null, "refund reply"));
        index.index(comment("c1", "web", "en", 1, "refund single"));
        index.refresh();
        assertThat(search.search(CommentQuery.of("refund")).total()).isEqualTo(5);
        index.delete("c1");
        index.refresh();
        assertThat(ids(search.search(CommentQuery.of("refund")))).doesNotContain("c1").hasSize(4);
        index.deleteByResponse("resp-a");
        index.refresh();
        assertThat(ids(search.search(CommentQuery.of("refund")))).containsExactlyInAnyOrder("b1", "b2");
        index.deleteByCustomer("cust-2");
        index.refresh();
        assertThat(search.search(CommentQuery.of("refund")).total()).isZero();
    }

    @Test
    void indexingTheSameIdReplacesTheComment() {
        index.index(comment("c1", "web", "en", 1, "slow refund"));
        index.index(comment("c1", "web", "en", 1, "fast delivery"));
        index.refresh();
        assertThat(search.search(CommentQuery.of("refund")).total()).isZero();
        assertThat(ids(search.search(CommentQuery.of("delivery")))).containsExactly("c1");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void maybeRefreshMakesNewCommentsVisible() {
        index.index(comment("c1", "web", "en", 1, "refund"));
        assertThat(search.search(CommentQuery.of("refund")).total()).isZero();
        index.maybeRefresh();
        assertThat(search.search(CommentQuery.of("refund")).total()).isEqualTo(1);
    }

    @Test
    void committedPositionSurvivesCloseAndReopen() {
        assertThat(index.lastCommittedPosition()).isEmpty();
        index.index(comment("c1", "web", "en", 1, "refund"));
        index.commit("2025-01-02T00:00:00Z|c1");
        index.index(comment("c2", "web", "en", 2, "refund"));
        index.close();
        index = new CommentIndex(dir);
        search = new CommentSearch(index, KEY);
        assertThat(index.lastCommittedPosition()).contains("2025-01-02T00:00:00Z|c1");
        assertThat(index.isSchemaCurrent()).isTrue();
        assertThat(search.search(CommentQuery.of("refund")).total()).isEqualTo(2);
    }

    @Test
    void sentimentIsScoredWhenNotGiven() {
        assertThat(index.index(comment("c1", "web", "en", 1, "Terrible, the agent was rude"))).isEqualTo(Sentiment.NEGATIVE);
        assertThat(index.index(comment("c2", "web", "zh-CN", 1, "客服非常耐心，很满意"))).isEqualTo(Sentiment.POSITIVE);
    }
}

package io.sentio.search.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentio.search.entity.CommentDocument;
import io.sentio.search.entity.CommentSource;
import io.sentio.search.entity.InvalidQueryException;
import io.sentio.search.entity.KeyTerm;
import io.sentio.search.entity.ScoreBand;
import io.sentio.search.entity.Sentiment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyTermsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final String[] FILLER_EN = {"the staff answered my question", "I placed an order online",
            "the store was open", "delivery of the parcel", "customer service called me", "I paid by card",
            "the price was fine", "my account was updated"};
    private static final String[] FILLER_ZH = {"店员回答了我的问题", "我在网上下了订单", "门店开着", "包裹已经送到",
            "客服给我打了电话", "我用银行卡付款"};

    @TempDir
    Path dir;
    private CommentIndex index;
    private KeyTerms keyTerms;

    @BeforeEach
    void open() {
        index = new CommentIndex(dir);
        keyTerms = new KeyTerms(index);
    }

    @AfterEach
    void close() {
        index.close();
    }

    /** Direct definition G² = 2 Σ O ln(O/E), written independently of the entropy form used in KeyTerms. */
    private static double byDefinition(long a, long b, long c, long d) {
        double n = a + b + c + d;
        long[] o = {a, b, c, d};
        double[] e = {(a + b) * (a + c) / n, (a + b) * (b + d) / n, (c + d) * (a + c) / n, (c + d) * (b + d) / n};
        double s = 0;
        for (int i = 0; i < 4; i++) {
            if (o[i] > 0) {
                s += o[i] * Math.log(o[i] / e[i]);
            }
        }
        return 2 * s;
    }

    @Test
    void logLikelihoodRatioMatchesHandComputation() {
        // Hand computation for [[10, 20], [90, 880]], N = 1000: expected cells 3, 27, 97, 873;
        // 2·(10 ln(10/3) + 20 ln(20/27) + 90 ln(90/97) + 880 ln(880/873)) = 12.64901579080787
        assertThat(KeyTerms.logLikelihoodRatio(10, 20, 90, 880)).isCloseTo(12.64901579080787, Offset.offset(1e-9));
        assertThat(KeyTerms.logLikelihoodRatio(5, 5, 5, 5)).isCloseTo(0, Offset.offset(1e-12));
        assertThat(KeyTerms.logLikelihoodRatio(0, 7, 13, 0)).isCloseTo(byDefinition(0, 7, 13, 0), Offset.offset(1e-9));
        Random rnd = new Random(3);
        for (int i = 0; i < 200; i++) {
            long a = rnd.nextInt(500);
            long b = rnd.nextInt(5000);
            long c = rnd.nextInt(2000) + 1;
            long d = rnd.nextInt(90000) + 1;
            assertThat(KeyTerms.logLikelihoodRatio(a, b, c, d)).isCloseTo(byDefinition(a, b, c, d), Offset.offset(1e-6));
            // symmetric in swapping foreground and background columns
            assertThat(KeyTerms.logLikelihoodRatio(b, a, d, c)).isCloseTo(KeyTerms.logLikelihoodRatio(a, b, c, d), Offset.offset(1e-6));
        }
        assertThatThrownBy(() -> KeyTerms.logLikelihoodRatio(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void add(int i, String touchpoint, String lang, String text) {
        index.index(new CommentDocument("c" + i, CommentSource.RESPONSE, "r" + i, null, touchpoint, lang,
                T0.plusSeconds(3600L * i), ScoreBand.NONE, Sentiment.NEUTRAL, null, null, text));
    }

    @Test
    void plantedWordsRankFirstWithExactCounts() {
        Random rnd = new Random(42);
        int plantedEn = 0;
        int plantedZh = 0;
        int plantedPhrase = 0;
        int id = 0;
        for (int i = 0; i < 1200; i++) {
            boolean fg = i < 300;
            boolean zh = rnd.nextDouble() < 0.4;
            String filler = zh ? FILLER_ZH[rnd.nextInt(FILLER_ZH.length)] : FILLER_EN[rnd.nextInt(FILLER_EN.length)];
            String text = filler;
            double p = rnd.nextDouble();
            if (!zh && p < (fg ? 0.5 : 0.03)) {
                text = filler + ". The app crashes at login";
                if (fg) {
                    plantedEn++;
                }
            } else if (zh && p < (fg ? 0.5 : 0.03)) {
                text = filler + "，APP一直闪退";
                if (fg) {
                    plantedZh++;
                }
            }
            if (!zh && fg && rnd.nextDouble() < 0.3) {
                text = text + ". Long queue at checkout";
                plantedPhrase++;
            }
            add(id++, fg ? "app" : (i % 2 == 0 ? "web" : "store"), zh ? "zh-CN" : "en", text);
        }
        index.refresh();
        List<KeyTerm> terms = keyTerms.forTouchpoint("app", null, null, 20);
        assertThat(terms).isNotEmpty();
        List<String> top = terms.stream().map(KeyTerm::term).toList();
        // the ten planted terms, and only they, come first; "at" is a stop word, so neither
        // "crashes at login" nor "queue at checkout" yields a two-word phrase
        assertThat(top.subList(0, 10)).containsExactlyInAnyOrder("app", "app crashes", "crashes", "login",
                "long queue", "long", "queue", "checkout", "一直", "闪退");
        assertThat(terms.get(10).score()).isLessThan(terms.get(9).score() / 5);
        KeyTerm crash = terms.stream().filter(t -> t.term().equals("crashes")).findFirst().orElseThrow();
        assertThat(crash.count()).isEqualTo(plantedEn);
        KeyTerm shantui = terms.stream().filter(t -> t.term().equals("闪退")).findFirst().orElseThrow();
        assertThat(shantui.count()).isEqualTo(plantedZh);
        assertThat(terms.stream().filter(t -> t.term().equals("long queue")).findFirst().orElseThrow().count())
                .isEqualTo(plantedPhrase);
        // scores are G² of the exact table, in descending order
        for (int i = 1; i < terms.size(); i++) {
            assertThat(terms.get(i).score()).isLessThanOrEqualTo(terms.get(i - 1).score());
        }
        // no stop word and no filler word evenly spread over both sets is reported as key
        assertThat(top).doesNotContain("the", "at", "我", "的");
    }

    @Test
    void plantedWordIsFirstWhenOnlyItDiffers() {
        Random rnd = new Random(5);
        int planted = 0;
        for (int i = 0; i < 1000; i++) {
            boolean fg = i % 4 == 0;
            String text = FILLER_EN[rnd.nextInt(FILLER_EN.length)];
            if (rnd.nextDouble() < (fg ? 0.3 : 0.05)) {
                text += " but the refund was late";
                if (fg) {
                    planted++;
                }
            }
            add(i, fg ? "phone" : "web", "en", text);
        }
        index.refresh();
        List<KeyTerm> terms = keyTerms.forTouchpoint("phone", null, null, 5);
        assertThat(terms.get(0).term()).isIn("refund", "late", "refund was late");
        assertThat(terms.stream().map(KeyTerm::term).toList().subList(0, 2)).containsExactlyInAnyOrder("refund", "late");
        assertThat(terms.get(0).count()).isEqualTo(planted);
    }

    @Test
    void periodRestrictsTheForeground() {
        for (int i = 0; i < 200; i++) {
            add(i, "web", "en", i < 100 ? "checkout button broken" : "delivery driver friendly");
        }
        index.refresh();
        Instant split = T0.plusSeconds(3600L * 100);
        List<KeyTerm> early = keyTerms.forTouchpoint("web", null, split, 10);
        assertThat(early.get(0).term()).isIn("checkout", "button", "broken", "checkout button", "button broken");
        assertThat(early.stream().map(KeyTerm::term)).doesNotContain("delivery", "driver", "friendly");
        assertThat(early.get(0).count()).isEqualTo(100);
    }

    @Test
    void emptyForegroundOrBackgroundHasNoKeyTerms() {
        add(1, "web", "en", "checkout broken");
        index.refresh();
        assertThat(keyTerms.forTouchpoint("store", null, null, 10)).isEmpty();
        assertThat(keyTerms.forTouchpoint("web", null, null, 10)).isEmpty();
        assertThatThrownBy(() -> keyTerms.forTouchpoint("web", null, null, 0)).isInstanceOf(InvalidQueryException.class);
    }
}

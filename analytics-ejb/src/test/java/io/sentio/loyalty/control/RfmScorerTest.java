package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentio.loyalty.entity.RfmScore;
import io.sentio.loyalty.entity.RfmSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RfmScorerTest {

    @Test
    void distinctValuesFillEqualQuintiles() {
        double[] values = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        int[] scores = RfmScorer.quintiles(values, "v");
        assertThat(scores).containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
    }

    @Test
    void tiesShareTheScoreOfTheirLowestPosition() {
        // 6 zeros of 10: L = 0 for all of them -> 1; value 5 has L = 6 -> 1 + floor(30/10) = 4
        int[] scores = RfmScorer.quintiles(new double[] {0, 0, 0, 0, 0, 0, 5, 7, 7, 9}, "v");
        assertThat(scores).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 4, 5);
    }

    @Test
    void scoresDoNotDependOnInputOrder() {
        Random random = new Random(3);
        int n = 997;
        double[] since = new double[n];
        double[] freq = new double[n];
        double[] money = new double[n];
        for (int i = 0; i < n; i++) {
            since[i] = random.nextInt(50);
            freq[i] = random.nextInt(8);
            money[i] = Math.round(random.nextDouble() * 100);
        }
        List<RfmScore> scores = RfmScorer.score(since, freq, money);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        double[] s2 = new double[n];
        double[] f2 = new double[n];
        double[] m2 = new double[n];
        for (int k = 0; k < n; k++) {
            s2[k] = since[order.get(k)];
            f2[k] = freq[order.get(k)];
            m2[k] = money[order.get(k)];
        }
        List<RfmScore> shuffled = RfmScorer.score(s2, f2, m2);
        for (int k = 0; k < n; k++) {
            assertThat(shuffled.get(k)).isEqualTo(scores.get(order.get(k)));
        }
    }

    @Test
    void recentCustomersScoreHigh() {
        List<RfmScore> scores = RfmScorer.score(new double[] {1, 2, 3, 4, 50}, new double[] {9, 1, 1, 1, 9},
                new double[] {5, 4, 3, 2, 1});
        assertThat(scores.get(0)).isEqualTo(new RfmScore(5, 4, 5));
        assertThat(scores.get(0).segment()).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(scores.get(4).recency()).isEqualTo(1);
        assertThat(scores.get(4).segment()).isEqualTo(RfmSegment.AT_RISK);
    }

    @Test
    void segmentRulesCoverTheGridAsDocumented() {
        assertThat(RfmSegment.of(5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegment.of(4, 4)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegment.of(3, 4)).isEqualTo(RfmSegment.LOYAL);
        assertThat(RfmSegment.of(5, 1)).isEqualTo(RfmSegment.NEW);
        assertThat(RfmSegment.of(4, 1)).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
        assertThat(RfmSegment.of(5, 3)).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
        assertThat(RfmSegment.of(3, 2)).isEqualTo(RfmSegment.NEED_ATTENTION);
        assertThat(RfmSegment.of(2, 4)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmSegment.of(1, 5)).isEqualTo(RfmSegment.CANNOT_LOSE);
        assertThat(RfmSegment.of(1, 1)).isEqualTo(RfmSegment.HIBERNATING);
        List<RfmScore> all = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                all.add(new RfmScore(r, f, 3));
            }
        }
        Map<RfmSegment, Long> sizes = RfmScorer.segmentSizes(all);
        assertThat(sizes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(25);
        assertThat(sizes.get(RfmSegment.CHAMPIONS)).isEqualTo(4);
        assertThat(sizes.get(RfmSegment.HIBERNATING)).isEqualTo(4);
    }

    /** Selection-based quintiles against the definition counted by brute force, on columns full of ties. */
    @Test
    void quintilesMatchTheDefinitionOnTiedColumns() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 7, 100, 2_001}) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(4) == 0 ? random.nextDouble() : random.nextInt(6);
            }
            int[] scores = RfmScorer.quintiles(values, "v");
            for (int i = 0; i < n; i++) {
                long below = 0;
                for (double v : values) {
                    below += v < values[i] ? 1 : 0;
                }
                assertThat(scores[i]).as("n=%d, value %s", n, values[i]).isEqualTo(1 + (int) (5 * below / n));
            }
        }
    }

    @Test
    void segmentSizesFromColumnsEqualThoseOfTheScores() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 3_000;
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            recency[i] = random.nextInt(400);
            frequency[i] = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(30);
            monetary[i] = 100 * random.nextDouble();
        }
        assertThat(RfmScorer.segmentSizes(recency, frequency))
                .isEqualTo(RfmScorer.segmentSizes(RfmScorer.score(recency, frequency, monetary)));
    }
}

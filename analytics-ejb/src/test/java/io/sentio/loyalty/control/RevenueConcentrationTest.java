package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.ReturnOnCustomer;
import io.sentio.loyalty.entity.ValueTier;
import io.sentio.loyalty.entity.ValueTierThresholds;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RevenueConcentrationTest {

    @Test
    void giniOfEqualRevenuesIsZeroAndOfOneHolderIsNMinusOneOverN() {
        double[] equal = new double[50];
        Arrays.fill(equal, 12.5);
        assertThat(RevenueConcentration.gini(equal)).isCloseTo(0, offset(1e-15));
        for (int n : new int[] {1, 2, 7, 1000}) {
            double[] one = new double[n];
            one[n / 2] = 99;
            assertThat(RevenueConcentration.gini(one)).isCloseTo((n - 1.0) / n, offset(1e-14));
        }
    }

    @Test
    void giniEqualsTheMeanDifferenceDefinition() {
        // G = sum_i sum_j |x_i - x_j| / (2 n^2 mean): an independent O(n^2) formula
        Random random = new Random(11);
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < 0.3 ? 0 : Math.exp(random.nextGaussian());
        }
        double diff = 0;
        double total = 0;
        for (double a : x) {
            total += a;
            for (double b : x) {
                diff += Math.abs(a - b);
            }
        }
        double n = x.length;
        assertThat(RevenueConcentration.gini(x)).isCloseTo(diff / (2 * n * total), offset(1e-12));
        assertThat(RevenueConcentration.gini(new double[] {1, 2, 3, 4})).isCloseTo(0.25, offset(1e-15));
    }

    @Test
    void paretoShare() {
        double[] equal = new double[7];
        Arrays.fill(equal, 3);
        assertThat(RevenueConcentration.paretoShare(equal)).isCloseTo(0.2, offset(1e-15));
        double[] one = new double[10];
        one[3] = 5;
        assertThat(RevenueConcentration.paretoShare(one)).isEqualTo(1.0);
        // 5 customers: top 20% is exactly the best one
        assertThat(RevenueConcentration.paretoShare(new double[] {10, 40, 20, 20, 10})).isCloseTo(0.4, offset(1e-15));
        assertThat(RevenueConcentration.paretoShare(new double[] {0, 0})).isEqualTo(0.2);
    }

    @Test
    void tiersByCumulativeRevenueShareWithTiesTogether() {
        // sorted: 50 (nothing above -> A+), 30 (0.5 above -> A), 10 (0.8 above -> B), 5 and 5 (0.9 above -> B)
        assertThat(RevenueConcentration.tiers(new double[] {5, 50, 10, 30, 5}, ValueTierThresholds.DEFAULT))
                .containsExactly(ValueTier.B, ValueTier.A_PLUS, ValueTier.B, ValueTier.A, ValueTier.B);
        assertThat(RevenueConcentration.tiers(new double[] {60, 20, 10, 5, 5, 0},
                new ValueTierThresholds(0.5, 0.7, 0.9)))   // shares above: 0, 0.6, 0.8, 0.9, 0.9, 1
                .containsExactly(ValueTier.A_PLUS, ValueTier.A, ValueTier.B, ValueTier.C, ValueTier.C, ValueTier.C);
        assertThatThrownBy(() -> new ValueTierThresholds(0.8, 0.5, 0.9))
                .isInstanceOf(InvalidLoyaltyDataException.class);
    }

    @Test
    void returnOnCustomer() {
        // cash flow 10, equity 100 -> 120: ROC = (10 + 20) / 100
        assertThat(new ReturnOnCustomer(10, 100, 120).value()).isCloseTo(0.3, offset(1e-15));
        // equity destroyed faster than cash comes in: negative ROC
        assertThat(new ReturnOnCustomer(10, 100, 70).value()).isCloseTo(-0.2, offset(1e-15));
        assertThatThrownBy(() -> new ReturnOnCustomer(10, 0, 70)).isInstanceOf(InvalidLoyaltyDataException.class)
                .hasMessageContaining("start");
    }

    @Test
    void rejectsNegativeRevenue() {
        assertThatThrownBy(() -> RevenueConcentration.gini(new double[] {1, -1}))
                .isInstanceOf(InvalidLoyaltyDataException.class).hasMessageContaining("#2");
    }

    /** The one-sort summary against the three separate computations, with ties and zeros. */
    @Test
    void summaryAgreesWithParetoGiniAndTiers() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[] {1, 5, 997}) {
            double[] revenue = new double[n];
            for (int i = 0; i < n; i++) {
                revenue[i] = random.nextInt(3) == 0 ? random.nextInt(4) * 10.0 : Math.exp(3 * random.nextDouble());
            }
            RevenueConcentration.Summary summary = RevenueConcentration.summary(revenue, ValueTierThresholds.DEFAULT);
            assertThat(summary.paretoShare()).isEqualTo(RevenueConcentration.paretoShare(revenue));
            assertThat(summary.gini()).isEqualTo(RevenueConcentration.gini(revenue));
            Map<ValueTier, Long> counted = new EnumMap<>(ValueTier.class);
            for (ValueTier tier : ValueTier.values()) {
                counted.put(tier, 0L);
            }
            RevenueConcentration.tiers(revenue, ValueTierThresholds.DEFAULT).forEach(t -> counted.merge(t, 1L, Long::sum));
            assertThat(summary.tierSizes()).isEqualTo(counted);
        }
    }
}

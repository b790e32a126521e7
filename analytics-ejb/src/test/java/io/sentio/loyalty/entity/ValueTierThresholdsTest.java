package io.sentio.loyalty.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the {@code tiers} request parameter. */
class ValueTierThresholdsTest {

    @Test
    void threeIncreasingSharesInOrderAPlusAB() {
        assertThat(ValueTierThresholds.parse("0.4, 0.7,1")).isEqualTo(new ValueTierThresholds(0.4, 0.7, 1));
        assertThat(ValueTierThresholds.parse("0.4,0.7,1").cutPoints()).containsExactly(0.4, 0.7, 1.0);
    }

    @Test
    void absentMeansTheDefault() {
        assertThat(ValueTierThresholds.parse(null)).isEqualTo(ValueTierThresholds.DEFAULT);
        assertThat(ValueTierThresholds.parse(" ")).isEqualTo(ValueTierThresholds.DEFAULT);
        assertThat(ValueTierThresholds.DEFAULT.cutPoints()).containsExactly(0.5, 0.8, 0.95);
    }

    @Test
    void otherValuesAreRejectedWithTheReason() {
        for (String[] bad : new String[][]{{"0.5,0.8", "three numbers"}, {"0.5,0.8,0.9,1", "three numbers"},
                {"0.5,,0.9", "A is not a number"}, {"half,0.8,0.9", "A+ is not a number"},
                {"0.8,0.5,0.95", "0 < A+ < A < B <= 1"}, {"0,0.5,0.9", "0 < A+"}, {"0.5,0.8,1.2", "B <= 1"},
                {"0.5,0.5,0.9", "A+ < A"}, {"0.5,0.8,NaN", "B <= 1"}, {"-0.1,0.8,0.9", "0 < A+"}}) {
            assertThatThrownBy(() -> ValueTierThresholds.parse(bad[0])).as(bad[0])
                    .isInstanceOf(InvalidLoyaltyDataException.class).hasMessageContaining(bad[1])
                    .satisfies(e -> assertThat(((InvalidLoyaltyDataException) e).column()).contains("tiers"));
        }
    }
}

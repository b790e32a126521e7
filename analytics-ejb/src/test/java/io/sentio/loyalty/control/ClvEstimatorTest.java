package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.sentio.loyalty.entity.BgNbdFit;
import io.sentio.loyalty.entity.ClvAnalysis;
import io.sentio.loyalty.entity.CustomerValue;
import io.sentio.loyalty.entity.GammaGammaParameters;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import org.junit.jupiter.api.Test;

class ClvEstimatorTest {

    private static final BgNbdFit BG = new BgNbdFit(0.2426, 4.4135, 0.7929, 2.4258, -9582.43);
    private static final GammaGammaParameters GG = new GammaGammaParameters(6.25, 3.74, 15.44);

    @Test
    void cdnowAnalysisReproducesPublishedConditionalExpectation() {
        ClvAnalysis analysis = ClvEstimator.fitAndAnalyse(CdnowData.summaries(), 39, 0);
        CustomerValue first = analysis.customers().get(0); // customer 1: x = 2, t_x = 30.43, T = 38.86
        assertThat(first.id()).isEqualTo("1");
        assertThat(first.expectedPurchases()).isCloseTo(1.226, offset(0.0005));
        assertThat(first.clv()).isCloseTo(first.expectedPurchases() * first.expectedSpend(), offset(1e-9));
        assertThat(analysis.customers()).hasSize(2357);
        double sum = analysis.customers().stream().mapToDouble(CustomerValue::clv).sum();
        assertThat(analysis.customerEquity()).isCloseTo(sum, offset(1e-6 * sum));
    }

    @Test
    void discountingFollowsTheDocumentedPeriodSum() {
        ClvEstimator estimator = new ClvEstimator(BG, GG);
        BgNbdModel purchases = new BgNbdModel(BG.parameters());
        double spend = new GammaGammaModel(GG).conditionalExpectedSpend(3, 40);
        double d = 0.1;
        // horizon 2.5: periods ending at 1, 2 and 2.5, discounted at (1+d)^t
        double e1 = purchases.conditionalExpectedPurchases(1, 3, 20, 30);
        double e2 = purchases.conditionalExpectedPurchases(2, 3, 20, 30);
        double e25 = purchases.conditionalExpectedPurchases(2.5, 3, 20, 30);
        double expected = spend * (e1 / 1.1 + (e2 - e1) / Math.pow(1.1, 2) + (e25 - e2) / Math.pow(1.1, 2.5));
        CustomerValue value = estimator.value("c", 3, 20, 30, 40, 2.5, d);
        assertThat(value.clv()).isCloseTo(expected, offset(1e-12));
        assertThat(value.expectedPurchases()).isCloseTo(e25, offset(1e-15));
        CustomerValue undiscounted = estimator.value("c", 3, 20, 30, 40, 2.5, 0);
        assertThat(undiscounted.clv()).isCloseTo(spend * e25, offset(1e-12)).isGreaterThan(value.clv());
    }

    @Test
    void newCustomerValuedAtPopulationSpend() {
        CustomerValue value = new ClvEstimator(BG, GG).value("n", 0, 0, 10, 0, 39, 0);
        assertThat(value.pAlive()).isEqualTo(1.0);
        assertThat(value.expectedSpend()).isCloseTo(6.25 * 15.44 / 2.74, offset(1e-12));
    }

    @Test
    void rejectsBadHorizonAndRate() {
        ClvEstimator estimator = new ClvEstimator(BG, GG);
        assertThatThrownBy(() -> estimator.value("c", 1, 1, 2, 3, 0, 0))
                .isInstanceOf(InvalidLoyaltyDataException.class).hasMessageContaining("horizon");
        assertThatThrownBy(() -> estimator.value("c", 1, 1, 2, 3, 10, -0.1))
                .isInstanceOf(InvalidLoyaltyDataException.class).hasMessageContaining("discountRate");
    }
}

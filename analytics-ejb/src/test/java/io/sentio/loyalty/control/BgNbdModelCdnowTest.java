package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import io.sentio.loyalty.entity.BgNbdFit;
import io.sentio.loyalty.entity.CustomerSummaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BG/NBD on the CDNOW sample against the estimates published in Fader, Hardie &amp; Lee (2005). */
class BgNbdModelCdnowTest {

    private static CustomerSummaries cdnow;
    private static BgNbdFit fit;

    @BeforeAll
    static void fit() {
        cdnow = CdnowData.summaries();
        fit = BgNbdModel.fit(cdnow);
    }

    @Test
    void reproducesPublishedEstimates() {
        // Published to 4 decimals, so the relative tolerance is 1e-3 (0.1%), the external checks' tolerance.
        assertThat(fit.r()).isCloseTo(0.2426, withPercentage(0.1));
        assertThat(fit.alpha()).isCloseTo(4.4135, withPercentage(0.1));
        assertThat(fit.a()).isCloseTo(0.7929, withPercentage(0.1));
        assertThat(fit.b()).isCloseTo(2.4258, withPercentage(0.1));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.43, within(0.01));
    }

    @Test
    void reportedLogLikelihoodIsTheModelsLikelihoodAtTheEstimates() {
        double direct = 0;
        BgNbdModel model = new BgNbdModel(fit.parameters());
        for (int i = 0; i < cdnow.size(); i++) {
            direct += model.logLikelihood(cdnow.frequency(i), cdnow.recency(i), cdnow.age(i));
        }
        assertThat(fit.logLikelihood()).isCloseTo(direct, within(1e-8));
        assertThat(model.logLikelihood(cdnow)).isCloseTo(direct, within(1e-8));
    }

    @Test
    void reproducesPublishedConditionalExpectation() {
        BgNbdModel model = new BgNbdModel(fit.parameters());
        double expected = model.conditionalExpectedPurchases(39, 2, 30.43, 38.86);
        assertThat(expected).isCloseTo(1.226, within(0.0005));
    }
}

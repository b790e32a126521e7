package io.sentio.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** POST /api/v1/analyses/clv on the published CDNOW data (Fader, Hardie & Lee 2005). */
@ExtendWith(SharedServer.class)
class ClvAnalysisIT {

    private static String cdnow() throws IOException {
        try (InputStream in = ClvAnalysisIT.class.getResourceAsStream("/loyalty/cdnow_summary.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void cdnowGivesThePublishedBgNbdAndGammaGammaEstimates(Api api) throws IOException {
        Api.Reply reply = api.asAdmin().post("analyses/clv", Json.createObjectBuilder()
                .add("csv", cdnow()).add("horizon", 39).add("discountRate", 0).build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject result = reply.json();
        assertPublishedCdnowBgNbd(result.getJsonObject("bgnbd"));
        JsonObject gammaGamma = result.getJsonObject("gammaGamma");
        // published to two decimals, from unrounded spends; the file has spends rounded to cents
        assertThat(gammaGamma.getJsonNumber("p").doubleValue()).isCloseTo(6.25, within(0.01));
        assertThat(gammaGamma.getJsonNumber("q").doubleValue()).isCloseTo(3.74, within(0.01));
        assertThat(gammaGamma.getJsonNumber("gamma").doubleValue()).isCloseTo(15.44, within(0.02));

        JsonObject customer1 = result.getJsonArray("customers").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("id").equals("1")).findFirst().orElseThrow();
        // customer 1: x = 2, t_x = 30.43, T = 38.86; published conditional expectation over 39 weeks 1.226
        assertThat(customer1.getJsonNumber("expectedPurchases").doubleValue()).isCloseTo(1.226, within(0.001));
        assertThat(customer1.getJsonNumber("pAlive").doubleValue()).isBetween(0.0, 1.0);
        assertThat(customer1.getJsonNumber("clv").doubleValue()).isCloseTo(
                customer1.getJsonNumber("expectedPurchases").doubleValue()
                        * customer1.getJsonNumber("expectedSpend").doubleValue(), within(1e-6));
        assertThat(result.getJsonArray("customers")).hasSize(2357);
    }

    /** The BG/NBD fit of Fader, Hardie &amp; Lee (2005) on the CDNOW calibration period, to 1e-3 relative. */
    static void assertPublishedCdnowBgNbd(JsonObject bgnbd) {
        assertThat(bgnbd.getJsonNumber("r").doubleValue()).isCloseTo(0.2426, within(0.2426 * 1e-3));
        assertThat(bgnbd.getJsonNumber("alpha").doubleValue()).isCloseTo(4.4135, within(4.4135 * 1e-3));
        assertThat(bgnbd.getJsonNumber("a").doubleValue()).isCloseTo(0.7929, within(0.7929 * 1e-3));
        assertThat(bgnbd.getJsonNumber("b").doubleValue()).isCloseTo(2.4258, within(2.4258 * 1e-3));
        assertThat(bgnbd.getJsonNumber("logLikelihood").doubleValue()).isCloseTo(-9582.43, within(0.1));
    }

    @Test
    void badFilesAndParametersAre400ProblemsSayingWhere(Api api) {
        Api.Reply badCell = api.asAdmin().post("analyses/clv", Json.createObjectBuilder()
                .add("csv", "customer_id,frequency,recency,T,monetary\n1,2,30,38,22\n2,x,1,38,11\n")
                .add("horizon", 39).build());
        assertThat(badCell.status()).isEqualTo(400);
        assertThat(badCell.contentType()).startsWith("application/problem+json");
        assertThat(badCell.body()).contains("line 3").contains("frequency");

        Api.Reply recency = api.asAdmin().post("analyses/clv", Json.createObjectBuilder()
                .add("csv", "customer_id,frequency,recency,T,monetary\n1,2,40,38,22\n").add("horizon", 39).build());
        assertThat(recency.status()).isEqualTo(400);

        Api.Reply horizon = api.asAdmin().post("analyses/clv", Json.createObjectBuilder()
                .add("csv", "customer_id,frequency,recency,T,monetary\n1,2,30,38,22\n").add("horizon", -1).build());
        assertThat(horizon.status()).isEqualTo(400);
        assertThat(horizon.body()).contains("horizon");
    }

    @Test
    void analysesNeedAManagerRole(Api api) {
        assertThat(api.post("analyses/clv", "{}").status()).isEqualTo(401);
    }
}

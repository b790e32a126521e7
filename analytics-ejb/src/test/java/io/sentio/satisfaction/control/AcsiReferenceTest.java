package io.sentio.satisfaction.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sentio.satisfaction.entity.Construct;
import io.sentio.satisfaction.entity.InnerScheme;
import io.sentio.satisfaction.entity.Ipma;
import io.sentio.satisfaction.entity.Path;
import io.sentio.satisfaction.entity.PathModel;
import io.sentio.satisfaction.entity.PlsResult;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the estimator against estimates computed by an independent numpy implementation of the
 * textbook algorithm (see src/test/resources/satisfaction/README.md).
 */
class AcsiReferenceTest {

    static final double TOL = 1e-6;

    static final PathModel MODEL = new PathModel(List.of(
            Construct.reflective("CE", "CE1", "CE2", "CE3"),
            Construct.reflective("PQ", "PQ1", "PQ2", "PQ3"),
            Construct.reflective("PV", "PV1", "PV2"),
            Construct.reflective("ACSI", "SAT1", "SAT2", "SAT3"),
            Construct.reflective("CC", "CC1", "CC2"),
            Construct.reflective("CL", "CL1", "CL2", "CL3")),
            List.of(new Path("CE", "PQ"), new Path("CE", "PV"), new Path("PQ", "PV"), new Path("CE", "ACSI"),
                    new Path("PQ", "ACSI"), new Path("PV", "ACSI"), new Path("ACSI", "CC"), new Path("ACSI", "CL"),
                    new Path("CC", "CL")));

    static JsonObject reference(String scheme) {
        try (var in = AcsiReferenceTest.class.getResourceAsStream(
                "/satisfaction/acsi-synthetic-n1000-seed42-estimates.json"); var reader = Json.createReader(in)) {
            return reader.readObject().getJsonObject("estimates").getJsonObject(scheme);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"path", "centroid", "factorial"})
    void matchesIndependentImplementation(String scheme) {
        JsonObject ref = reference(scheme);
        TestData data = TestData.load("acsi_synthetic_n1000_seed42.csv");
        var estimator = new PlsEstimator(MODEL, PlsEstimator.Settings.defaults().withScheme(InnerScheme.parse(scheme)));
        var stats = data.moments().statistics(estimator.settings().missing());
        PlsResult result = estimator.estimate(stats);

        assertThat(result.converged()).isTrue();
        assertThat(result.iterations()).isEqualTo(ref.getInt("iterations"));
        ref.getJsonObject("paths").forEach((key, value) -> {
            String[] ends = key.split("->");
            assertThat(result.path(ends[0], ends[1])).as(key).isCloseTo(num(value), within(TOL));
        });
        ref.getJsonObject("r_squared").forEach((k, v) ->
                assertThat(result.rSquared().get(k)).as("R² " + k).isCloseTo(num(v), within(TOL)));
        for (String block : ref.getJsonObject("outer_weights").keySet()) {
            ref.getJsonObject("outer_weights").getJsonObject(block).forEach((k, v) ->
                    assertThat(result.outerWeights().get(k)).as("weight " + k).isCloseTo(num(v), within(TOL)));
            ref.getJsonObject("outer_loadings").getJsonObject(block).forEach((k, v) ->
                    assertThat(result.loadings().get(k)).as("loading " + k).isCloseTo(num(v), within(TOL)));
        }
        ref.getJsonObject("index_0_100").forEach((k, v) ->
                assertThat(result.indexes().get(k)).as("index " + k).isCloseTo(num(v), within(TOL)));
        ref.getJsonObject("reliability").forEach((k, v) -> {
            JsonObject r = v.asJsonObject();
            var q = result.quality().get(k);
            assertThat(q.ave()).as("AVE " + k).isCloseTo(r.getJsonNumber("AVE").doubleValue(), within(TOL));
            assertThat(q.rhoC()).as("rhoC " + k).isCloseTo(r.getJsonNumber("rho_C").doubleValue(), within(TOL));
            assertThat(q.rhoA()).as("rhoA " + k).isCloseTo(r.getJsonNumber("rho_A").doubleValue(), within(TOL));
            assertThat(q.alpha()).as("alpha " + k)
                    .isCloseTo(r.getJsonNumber("cronbach_alpha_standardized").doubleValue(), within(TOL));
            assertThat(q.alphaRaw()).as("raw alpha " + k)
                    .isCloseTo(r.getJsonNumber("cronbach_alpha_raw").doubleValue(), within(TOL));
        });
        JsonObject ipmaRef = ref.getJsonObject("ipma_ACSI");
        Ipma ipma = estimator.ipma(result, stats, "ACSI");
        ipmaRef.getJsonObject("importance_unstandardized_total_effect").forEach((k, v) ->
                assertThat(ipma.importance().get(k)).as("importance " + k).isCloseTo(num(v), within(TOL)));
        assertThat(ipma.importance()).containsOnlyKeys(
                ipmaRef.getJsonObject("importance_unstandardized_total_effect").keySet());
        ipmaRef.getJsonObject("performance_0_100").forEach((k, v) ->
                assertThat(ipma.performance().get(k)).as("performance " + k).isCloseTo(num(v), within(TOL)));
        assertThat(ipma.targetPerformance()).isCloseTo(
                ipmaRef.getJsonNumber("target_performance_0_100").doubleValue(), within(TOL));
    }

    static double num(jakarta.json.JsonValue v) {
        return ((JsonNumber) v).doubleValue();
    }

}

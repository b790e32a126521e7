package io.sentio.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Satisfaction analytics served per touchpoint (issue 4, "Serving it"), black-box: answers generated from a
 * known ACSI population model go in through the collection API; the report, touchpoint list and trend must
 * count them exactly, match NPS computed here from the submitted answers, and match PLS estimated on the
 * same rows sent as CSV to the ad hoc analysis endpoint (which is itself checked against an independent
 * numpy reference here). The EJB classes are not on the IT class path: everything goes through HTTP.
 */
@ExtendWith(SharedServer.class)
class SatisfactionIT {

    private static final List<String> ACSI_ITEMS = List.of("CE1", "CE2", "CE3", "PQ1", "PQ2", "PQ3", "PV1", "PV2",
            "SAT1", "SAT2", "SAT3", "CC1", "CL1", "CL2");

    @Test
    void reportCountsEverySubmittedResponseAndMatchesIndependentFigures(Api api) {
        String touchpoint = touchpoint();
        String deployment = api.deploy("acsi", touchpoint).getString("id");
        List<Map<String, Integer>> rows = acsiAnswers(160, new Random(4));
        rows.forEach(r -> submit(api, deployment, r));

        JsonObject report = awaitResponses(api, touchpoint, rows.size());
        assertThat(report.getJsonNumber("responses").longValue()).isEqualTo(rows.size());

        // NPS exactly from the submitted answers.
        long promoters = rows.stream().filter(r -> r.get("NPS") >= 9).count();
        long detractors = rows.stream().filter(r -> r.get("NPS") <= 6).count();
        long passives = rows.size() - promoters - detractors;
        JsonObject nps = report.getJsonObject("nps");
        assertThat(nps.getJsonNumber("promoters").longValue()).isEqualTo(promoters);
        assertThat(nps.getJsonNumber("passives").longValue()).isEqualTo(passives);
        assertThat(nps.getJsonNumber("detractors").longValue()).isEqualTo(detractors);
        double score = 100.0 * (promoters - detractors) / rows.size();
        assertThat(nps.getJsonNumber("score").doubleValue()).isCloseTo(score, within(1e-9));
        assertThat(interval(nps, "ci95")[0]).isLessThan(score);
        assertThat(interval(nps, "ci95")[1]).isGreaterThan(score);

        // ACSI: the standard model estimated by the analysis endpoint on exactly the submitted rows.
        JsonObject expected = analyse(api, rows);
        JsonObject acsi = report.getJsonObject("acsi");
        JsonArray paths = acsi.getJsonArray("paths");
        assertThat(paths).hasSize(9);
        Map<String, Double> expectedPaths = new LinkedHashMap<>();
        expected.getJsonArray("paths").forEach(v -> expectedPaths.put(v.asJsonObject().getString("from") + "->"
                + v.asJsonObject().getString("to"), v.asJsonObject().getJsonNumber("coefficient").doubleValue()));
        for (JsonValue v : paths) {
            JsonObject p = v.asJsonObject();
            double coefficient = p.getJsonNumber("coefficient").doubleValue();
            assertThat(coefficient).as(p.toString())
                    .isCloseTo(expectedPaths.get(p.getString("from") + "->" + p.getString("to")), within(1e-6));
            double[] ci = interval(p, "ci95");
            assertThat(ci[0]).as(p.toString()).isLessThan(coefficient);
            assertThat(ci[1]).as(p.toString()).isGreaterThan(coefficient);
        }
        assertThat(expectedPaths.keySet()).containsExactly("expectation->quality", "expectation->value",
                "expectation->satisfaction", "quality->value", "quality->satisfaction", "value->satisfaction",
                "satisfaction->complaints", "satisfaction->loyalty", "complaints->loyalty");
        JsonObject rSquared = acsi.getJsonObject("rSquared");
        expected.getJsonObject("rSquared").forEach((c, r2) -> assertThat(rSquared.getJsonNumber(c).doubleValue()).as(c)
                .isCloseTo(((jakarta.json.JsonNumber) r2).doubleValue(), within(1e-6)));
        JsonObject indexes = acsi.getJsonObject("indexes");
        for (String c : List.of("expectation", "quality", "value", "satisfaction", "loyalty")) {
            assertThat(indexes.getJsonNumber(c).doubleValue()).as(c)
                    .isCloseTo(expected.getJsonObject("indexes").getJsonNumber(c).doubleValue(), within(1e-6))
                    .isBetween(0.0, 100.0);
        }
        double index = acsi.getJsonNumber("index").doubleValue();
        assertThat(index).isEqualTo(indexes.getJsonNumber("satisfaction").doubleValue());
        // Close to the equally weighted mean-based index (the population weights are equal).
        double meanBased = 100 * (mean(rows, "SAT1", "SAT2", "SAT3") - 1) / 9;
        assertThat(index).isCloseTo(meanBased, within(2.0));
        assertThat(interval(acsi, "ci95")[0]).isLessThan(index);
        assertThat(interval(acsi, "ci95")[1]).isGreaterThan(index);
        // Complaints on its own 0–1 scale: the percentage who complained.
        assertThat(indexes.getJsonNumber("complaints").doubleValue()).isCloseTo(100 * mean(rows, "CC1"), within(1e-9));
        assertThat(report.getJsonNumber("expectationGap").doubleValue()).isCloseTo(
                indexes.getJsonNumber("quality").doubleValue() - indexes.getJsonNumber("expectation").doubleValue(),
                within(1e-9));

        // A range excluding today has nothing; dates are validated.
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        JsonObject empty = api.asAdmin().get("touchpoints/" + touchpoint + "/report?from=" + tomorrow).json();
        assertThat(empty.getJsonNumber("responses").longValue()).isZero();
        assertThat(empty.getJsonObject("acsi").isNull("index")).isTrue();
        assertThat(empty.getJsonArray("warnings")).isNotEmpty();
        Api.Reply bad = api.asAdmin().get("touchpoints/" + touchpoint + "/report?from=2025-13-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("from");
        assertThat(api.asAdmin().get("touchpoints/" + touchpoint + "/report?to=yesterday").body()).contains("\"to\"");

        // The touchpoint list and the trend agree.
        JsonObject listed = api.asAdmin().get("touchpoints").array().stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("touchpoint").equals(touchpoint)).findFirst().orElseThrow();
        assertThat(listed.getJsonNumber("responses").longValue()).isEqualTo(rows.size());
        assertThat(listed.getJsonNumber("acsi").doubleValue()).isCloseTo(index, within(1e-9));
        assertThat(listed.getJsonNumber("nps").doubleValue()).isCloseTo(score, within(1e-9));

        JsonObject trend = api.asAdmin().get("touchpoints/" + touchpoint + "/trend?period=month").json();
        JsonArray series = trend.getJsonArray("series");
        assertThat(series).hasSize(1);
        JsonObject month = series.getJsonObject(0);
        assertThat(month.getJsonNumber("responses").longValue()).isEqualTo(rows.size());
        assertThat(month.getJsonObject("nps").getJsonNumber("score").doubleValue()).isCloseTo(score, within(1e-9));
        assertThat(month.getJsonObject("acsi").getJsonNumber("index").doubleValue()).isCloseTo(index, within(1e-9));
        assertThat(month.isNull("npsChange")).isTrue();
        assertThat(api.asAdmin().get("touchpoints/" + touchpoint + "/trend?period=decade").status()).isEqualTo(400);
    }

    @Test
    void npsOnlyTouchpointsReportNpsAndANullAcsiWithAWarning(Api api) {
        String touchpoint = touchpoint();
        String deployment = api.deploy("nps", touchpoint).getString("id");
        int[] ratings = {0, 3, 6, 6, 7, 8, 9, 10, 10, 10, 9, 5};
        for (int r : ratings) {
            submit(api, deployment, Map.of("NPS", r));
        }
        JsonObject report = awaitResponses(api, touchpoint, ratings.length);
        JsonObject nps = report.getJsonObject("nps");
        assertThat(nps.getJsonNumber("promoters").longValue()).isEqualTo(5);
        assertThat(nps.getJsonNumber("passives").longValue()).isEqualTo(2);
        assertThat(nps.getJsonNumber("detractors").longValue()).isEqualTo(5);
        assertThat(nps.getJsonNumber("score").doubleValue()).isCloseTo(0.0, within(1e-12));
        JsonObject acsi = report.getJsonObject("acsi");
        assertThat(acsi.isNull("index")).isTrue();
        assertThat(acsi.isNull("ci95")).isTrue();
        assertThat(acsi.getJsonObject("indexes").keySet())
                .containsExactly("expectation", "quality", "value", "satisfaction", "complaints", "loyalty");
        assertThat(report.getJsonArray("warnings").toString()).contains("acsi");
    }

    @Test
    void unknownTouchpointsAreNotFoundAndBadOnesInvalid(Api api) {
        assertThat(api.asAdmin().get("touchpoints/" + touchpoint() + "/report").status()).isEqualTo(404);
        assertThat(api.asAdmin().get("touchpoints/Not_A_Slug/report").status()).isEqualTo(400);
    }

    @Test
    void plsAnalysisMatchesTheIndependentReferenceOnSyntheticAcsiData(Api api) {
        JsonObject reference = Json.createReader(new StringReader(resource("acsi-synthetic-n1000-seed42-estimates.json")))
                .readObject().getJsonObject("estimates").getJsonObject("path");
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("csv", resource("acsi_synthetic_n1000_seed42.csv"))
                .add("constructs", Json.createArrayBuilder()
                        .add(construct("CE", "A", "CE1", "CE2", "CE3")).add(construct("PQ", "A", "PQ1", "PQ2", "PQ3"))
                        .add(construct("PV", "A", "PV1", "PV2")).add(construct("ACSI", "A", "SAT1", "SAT2", "SAT3"))
                        .add(construct("CC", "A", "CC1", "CC2")).add(construct("CL", "A", "CL1", "CL2", "CL3")))
                .add("paths", paths("CE->PQ", "CE->PV", "PQ->PV", "CE->ACSI", "PQ->ACSI", "PV->ACSI", "ACSI->CC",
                        "ACSI->CL", "CC->CL"))
                .add("scheme", "path").add("scale", Json.createObjectBuilder().add("min", 1).add("max", 10))
                .add("bootstrap", Json.createObjectBuilder().add("samples", 200).add("seed", 7));
        Api.Reply reply = api.asAdmin().post("analyses/pls", body.build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject result = reply.json();
        JsonObject refPaths = reference.getJsonObject("paths");
        for (JsonValue v : result.getJsonArray("paths")) {
            JsonObject p = v.asJsonObject();
            String key = p.getString("from") + "->" + p.getString("to");
            assertThat(p.getJsonNumber("coefficient").doubleValue()).as(key)
                    .isCloseTo(refPaths.getJsonNumber(key).doubleValue(), within(1e-6));
            double[] ci = interval(p, "ci95");
            assertThat(ci[0]).as(key).isLessThan(p.getJsonNumber("coefficient").doubleValue());
        }
        reference.getJsonObject("r_squared").forEach((c, r2) -> assertThat(
                result.getJsonObject("rSquared").getJsonNumber(c).doubleValue()).as(c)
                .isCloseTo(((jakarta.json.JsonNumber) r2).doubleValue(), within(1e-6)));
        reference.getJsonObject("outer_weights").forEach((c, block) -> block.asJsonObject().forEach((item, w) ->
                assertThat(result.getJsonObject("outerWeights").getJsonNumber(item).doubleValue()).as(item)
                        .isCloseTo(((jakarta.json.JsonNumber) w).doubleValue(), within(1e-6))));
        assertThat(result.getInt("iterations")).isEqualTo(reference.getInt("iterations"));
        assertThat(result.getJsonObject("quality").getJsonObject("ACSI").keySet()).contains("ave", "alpha", "rhoC");
        assertThat(result.getJsonNumber("gof").doubleValue()).isBetween(0.0, 1.0);
        assertThat(result.getJsonObject("indexes").keySet()).containsExactly("CE", "PQ", "PV", "ACSI", "CC", "CL");
        assertThat(result.getJsonArray("warnings")).isNotNull();
    }

    /**
     * ECSI on the mobi data: standardized results are invariant under a linear rescaling of an indicator
     * and under a permutation of the rows (PLS works on correlations), and the figures are coherent.
     */
    @Test
    void plsAnalysisOfTheMobiEcsiDataIsInvariantAndCoherent(Api api) {
        String csv = resource("mobi.csv");
        String[] lines = csv.strip().split("\\R");
        List<String> header = List.of(lines[0].split(","));
        int column = header.indexOf("PERQ3");
        StringBuilder rescaled = new StringBuilder(lines[0]).append('\n');
        for (int i = lines.length - 1; i >= 1; i--) { // rows reversed, PERQ3 → 3·PERQ3 + 2
            String[] cells = lines[i].split(",", -1);
            cells[column] = Integer.toString(3 * Integer.parseInt(cells[column].strip()) + 2);
            rescaled.append(String.join(",", cells)).append('\n');
        }
        JsonObject a = mobi(api, csv);
        JsonObject b = mobi(api, rescaled.toString());
        for (int i = 0; i < a.getJsonArray("paths").size(); i++) {
            assertThat(b.getJsonArray("paths").getJsonObject(i).getJsonNumber("coefficient").doubleValue())
                    .isCloseTo(a.getJsonArray("paths").getJsonObject(i).getJsonNumber("coefficient").doubleValue(),
                            within(1e-9));
        }
        for (String field : List.of("outerWeights", "loadings", "rSquared")) {
            a.getJsonObject(field).forEach((k, v) -> assertThat(b.getJsonObject(field).getJsonNumber(k).doubleValue())
                    .as(field + "." + k).isCloseTo(((jakarta.json.JsonNumber) v).doubleValue(), within(1e-9)));
        }
        assertThat(a.getJsonArray("paths")).hasSize(12);
        a.getJsonObject("rSquared").forEach((k, v) -> assertThat(((jakarta.json.JsonNumber) v).doubleValue()).isBetween(0.0, 1.0));
        a.getJsonObject("indexes").forEach((k, v) -> assertThat(((jakarta.json.JsonNumber) v).doubleValue()).isBetween(0.0, 100.0));
        JsonObject image = a.getJsonObject("quality").getJsonObject("image");
        assertThat(image.getJsonNumber("ave").doubleValue()).isBetween(0.0, 1.0);
        assertThat(image.getJsonNumber("rhoC").doubleValue()).isBetween(image.getJsonNumber("ave").doubleValue(), 1.0);
        assertThat(a.getBoolean("converged")).isTrue();
        assertThat(a.getJsonNumber("n").longValue()).isEqualTo(lines.length - 1);
    }

    private static JsonObject mobi(Api api, String csv) {
        JsonArrayBuilder constructs = Json.createArrayBuilder()
                .add(construct("image", "A", "IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"))
                .add(construct("expectation", "A", "CUEX1", "CUEX2", "CUEX3"))
                .add(construct("quality", "A", "PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"))
                .add(construct("value", "A", "PERV1", "PERV2"))
                .add(construct("satisfaction", "A", "CUSA1", "CUSA2", "CUSA3"))
                .add(construct("complaints", "A", "CUSCO"))
                .add(construct("loyalty", "A", "CUSL1", "CUSL2", "CUSL3"));
        Api.Reply reply = api.asAdmin().post("analyses/pls", Json.createObjectBuilder().add("csv", csv)
                .add("constructs", constructs)
                .add("paths", paths("image->expectation", "image->satisfaction", "image->loyalty",
                        "expectation->quality", "expectation->value", "expectation->satisfaction", "quality->value",
                        "quality->satisfaction", "value->satisfaction", "satisfaction->complaints",
                        "satisfaction->loyalty", "complaints->loyalty"))
                .add("scheme", "centroid").add("scale", Json.createObjectBuilder().add("min", 1).add("max", 10)).build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The ACSI model on the given rows through the analysis endpoint (path scheme, no bootstrap). */
    private static JsonObject analyse(Api api, List<Map<String, Integer>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", ACSI_ITEMS)).append('\n');
        rows.forEach(r -> csv.append(String.join(",", ACSI_ITEMS.stream().map(i -> r.get(i).toString()).toList()))
                .append('\n'));
        Api.Reply reply = api.asAdmin().post("analyses/pls", Json.createObjectBuilder().add("csv", csv.toString())
                .add("constructs", Json.createArrayBuilder()
                        .add(construct("expectation", "A", "CE1", "CE2", "CE3"))
                        .add(construct("quality", "A", "PQ1", "PQ2", "PQ3"))
                        .add(construct("value", "A", "PV1", "PV2"))
                        .add(construct("satisfaction", "A", "SAT1", "SAT2", "SAT3"))
                        .add(construct("complaints", "A", "CC1"))
                        .add(construct("loyalty", "A", "CL1", "CL2")))
                .add("paths", paths("expectation->quality", "expectation->value", "expectation->satisfaction",
                        "quality->value", "quality->satisfaction", "value->satisfaction", "satisfaction->complaints",
                        "satisfaction->loyalty", "complaints->loyalty"))
                .add("scheme", "path").build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void invalidAnalysesAreProblemsSayingWhatIsWrong(Api api) {
        String csv = "A1,A2,B1,B2\n1,2,3,4\n2,3,4,5\n3,3,5,5\n4,5,5,6\n5,5,6,8\n";
        JsonArrayBuilder two = Json.createArrayBuilder().add(construct("a", "A", "A1", "A2")).add(construct("b", "A", "B1", "B2"));
        assertProblem(api, request(csv, Json.createArrayBuilder().add(construct("a", "A", "A1", "NOPE"))
                .add(construct("b", "A", "B1", "B2")), paths("a->b")), "NOPE");
        assertProblem(api, request(csv, Json.createArrayBuilder().add(construct("a", "A", "A1", "A2"))
                .add(construct("b", "A", "B1", "B2")), paths("a->b", "b->a")), "cycle");
        assertProblem(api, request(csv, Json.createArrayBuilder().add(construct("a", "A"))
                .add(construct("b", "A", "B1", "B2")), paths("a->b")), "empty");
        assertProblem(api, request("A1,A2,B1,B2\n1,2,x,4\n2,3,4,5\n3,3,5,5\n", two, paths("a->b")), "'x'");
        assertProblem(api, request(csv, Json.createArrayBuilder().add(construct("a", "C", "A1", "A2"))
                .add(construct("b", "A", "B1", "B2")), paths("a->b")), "mode");
        JsonObject badScheme = Json.createObjectBuilder(request(csv, Json.createArrayBuilder()
                .add(construct("a", "A", "A1", "A2")).add(construct("b", "A", "B1", "B2")), paths("a->b")))
                .add("scheme", "sideways").build();
        assertProblem(api, badScheme, "scheme");
        JsonObject tooMany = Json.createObjectBuilder(request(csv, Json.createArrayBuilder()
                .add(construct("a", "A", "A1", "A2")).add(construct("b", "A", "B1", "B2")), paths("a->b")))
                .add("bootstrap", Json.createObjectBuilder().add("samples", 1_000_000)).build();
        assertProblem(api, tooMany, "bootstrap.samples");
        Api.Reply notJson = api.asAdmin().post("analyses/pls", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void rolesGuardReportsAndAnalyses(Api api) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String executive = "exec-sat-" + suffix;
        String password = "a-long-password-" + suffix;
        assertThat(api.asAdmin().put("users/" + executive, Json.createObjectBuilder().add("password", password)
                .add("roles", Json.createArrayBuilder().add("executive")).build()).status()).isEqualTo(200);
        String touchpoint = touchpoint();
        api.deploy("acsi", touchpoint);
        JsonObject analysis = request("A1,B1\n1,2\n2,3\n3,3\n", Json.createArrayBuilder()
                .add(construct("a", "A", "A1")).add(construct("b", "A", "B1")), paths("a->b"));

        assertThat(api.get("touchpoints").status()).isEqualTo(401);
        assertThat(api.get("touchpoints/" + touchpoint + "/report").status()).isEqualTo(401);
        assertThat(api.get("touchpoints/" + touchpoint + "/trend").status()).isEqualTo(401);
        assertThat(api.post("analyses/pls", analysis).status()).isEqualTo(401);
        assertThat(api.as(executive, password).get("touchpoints").status()).isEqualTo(200);
        assertThat(api.as(executive, password).get("touchpoints/" + touchpoint + "/report").status()).isEqualTo(200);
        assertThat(api.as(executive, password).get("touchpoints/" + touchpoint + "/trend?period=week").status())
                .isEqualTo(200);
        Api.Reply forbidden = api.as(executive, password).post("analyses/pls", analysis);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
    }

    /**
     * kill -9 while clients submit and the folder folds: after a restart (repair of the interrupted
     * batch), and once every attempted id has been resubmitted (so the stored set is known exactly), the
     * report counts every response exactly once and its NPS buckets match the answers.
     */
    @Test
    void aggregatesCountEveryResponseExactlyOnceAcrossKillNine() throws Exception {
        try (SentioServer server = new SentioServer("satisfaction-crash")
                .startFresh()) {
            Api api = new Api(server.base());
            String touchpoint = touchpoint();
            String deployment = api.deploy("acsi", touchpoint).getString("id");
            String path = "deployments/" + deployment + "/responses";
            java.util.Set<String> attempted = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicInteger acknowledged = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            var clients = java.util.concurrent.Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        String id = UUID.randomUUID().toString();
                        attempted.add(id);
                        try {
                            int status = api.post(path, submissionFor(id)).status();
                            if (status == 201) {
                                acknowledged.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            return;
                        }
                    }
                });
            }
            // Let folding run for a while (it runs every second), then crash mid-stream.
            while (acknowledged.get() < 400) {
                Thread.sleep(20);
            }
            server.crash();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            server.start();
            for (String id : attempted) {
                assertThat(api.post(path, submissionFor(id)).status()).isIn(200, 201);
            }
            JsonObject report = awaitResponses(api, touchpoint, attempted.size());
            Thread.sleep(2500); // two more fold ticks: nothing may be counted twice later either
            report = api.asAdmin().get("touchpoints/" + touchpoint + "/report").json();
            assertThat(report.getJsonNumber("responses").longValue()).isEqualTo(attempted.size());
            long promoters = attempted.stream().filter(id -> answersFor(id).get("NPS") >= 9).count();
            long detractors = attempted.stream().filter(id -> answersFor(id).get("NPS") <= 6).count();
            JsonObject nps = report.getJsonObject("nps");
            assertThat(nps.getJsonNumber("promoters").longValue()).isEqualTo(promoters);
            assertThat(nps.getJsonNumber("detractors").longValue()).isEqualTo(detractors);
            assertThat(nps.getJsonNumber("passives").longValue()).isEqualTo(attempted.size() - promoters - detractors);
            assertThat(report.getJsonObject("acsi").getJsonNumber("n").longValue()).isEqualTo(attempted.size());
        }
    }

    /** Answers derived from the id, so a resubmission carries the very same answers. */
    private static Map<String, Integer> answersFor(String id) {
        return acsiAnswers(1, new Random(id.hashCode())).getFirst();
    }

    private static JsonObject submissionFor(String id) {
        JsonObjectBuilder a = Json.createObjectBuilder();
        answersFor(id).forEach(a::add);
        return Api.submission(id, "en", a.build());
    }

    // ------------------------------------------------------------------------------------------

    private static String touchpoint() {
        return "sat-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * n respondents from a known ACSI population model: standard normal latent scores with
     * quality = .5 expectation, value = .3 expectation + .5 quality, satisfaction = .1 e + .4 q + .4 v,
     * complaint with probability logistic(−1.2 − 1.2 satisfaction), loyalty = .6 s − .5 complaint;
     * items = round(6 + 1.5·(latent + noise)) on 1–10, NPS = round(7 + 2·(satisfaction + noise)) on 0–10.
     */
    static List<Map<String, Integer>> acsiAnswers(int n, Random random) {
        List<Map<String, Integer>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double e = random.nextGaussian();
            double q = 0.5 * e + Math.sqrt(0.75) * random.nextGaussian();
            double v = 0.3 * e + 0.5 * q + 0.7 * random.nextGaussian();
            double s = 0.1 * e + 0.4 * q + 0.4 * v + 0.6 * random.nextGaussian();
            int complained = random.nextDouble() < 1 / (1 + Math.exp(1.2 + 1.2 * s)) ? 1 : 0;
            double l = 0.6 * s - 0.5 * complained + 0.7 * random.nextGaussian();
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String item : ACSI_ITEMS) {
                double latent = switch (item.substring(0, 2)) {
                    case "CE" -> e;
                    case "PQ" -> q;
                    case "PV" -> v;
                    case "SA" -> s;
                    case "CL" -> l;
                    default -> Double.NaN;
                };
                row.put(item, item.equals("CC1") ? complained : rating(6 + 1.5 * (latent + 0.6 * random.nextGaussian()), 1, 10));
            }
            row.put("NPS", rating(7 + 2 * (s + 0.5 * random.nextGaussian()), 0, 10));
            rows.add(row);
        }
        return rows;
    }

    private static int rating(double x, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(x)));
    }

    private static double mean(List<Map<String, Integer>> rows, String... items) {
        return rows.stream().mapToDouble(r -> List.of(items).stream().mapToInt(r::get).average().orElseThrow())
                .average().orElseThrow();
    }

    private static void submit(Api api, String deployment, Map<String, Integer> answers) {
        JsonObjectBuilder a = Json.createObjectBuilder();
        answers.forEach(a::add);
        Api.Reply reply = api.post("deployments/" + deployment + "/responses",
                Api.submission(UUID.randomUUID().toString(), "en", a.build()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /** Polls the report until it counts {@code n} responses (folding runs every second), at most 60 s. */
    private static JsonObject awaitResponses(Api api, String touchpoint, long n) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Api.Reply reply = api.asAdmin().get("touchpoints/" + touchpoint + "/report");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonObject report = reply.json();
            long counted = report.getJsonNumber("responses").longValue();
            assertThat(counted).as("never more than submitted").isLessThanOrEqualTo(n);
            if (counted == n) {
                return report;
            }
            assertThat(System.nanoTime()).as("report reached " + n + " responses in time (has " + counted + ")")
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static double[] interval(JsonObject o, String field) {
        JsonArray a = o.getJsonArray(field);
        assertThat(a).as(field + " of " + o).isNotNull().hasSize(2);
        return new double[] {a.getJsonNumber(0).doubleValue(), a.getJsonNumber(1).doubleValue()};
    }

    private static JsonObjectBuilder construct(String name, String mode, String... indicators) {
        return Json.createObjectBuilder().add("name", name).add("indicators", Json.createArrayBuilder(List.of(indicators)))
                .add("mode", mode);
    }

    private static JsonArrayBuilder paths(String... arrows) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (String arrow : arrows) {
            String[] ft = arrow.split("->");
            b.add(Json.createObjectBuilder().add("from", ft[0]).add("to", ft[1]));
        }
        return b;
    }

    private static JsonObject request(String csv, JsonArrayBuilder constructs, JsonArrayBuilder paths) {
        return Json.createObjectBuilder().add("csv", csv).add("constructs", constructs).add("paths", paths).build();
    }

    private static void assertProblem(Api api, JsonObject body, String mentions) {
        Api.Reply reply = api.asAdmin().post("analyses/pls", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).as(reply.body()).contains(mentions);
    }

    private static String resource(String name) {
        try (InputStream in = SatisfactionIT.class.getResourceAsStream("/satisfaction/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

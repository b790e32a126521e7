package io.sentio.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Customer data ingestion (single records, bulk import jobs) and the CLV of stored transactions. The shared server
 * is used by other ITs too, but nothing else writes customers, transactions or community activity.
 */
@ExtendWith(SharedServer.class)
class CustomerDataIT {

    private static String resource(String name) throws IOException {
        try (InputStream in = CustomerDataIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Api.Reply upload(Api api, String kind, String format, String body) {
        return api.send(api.request("imports?kind=" + kind + "&format=" + format)
                .header("Content-Type", format.equals("csv") ? "text/csv" : "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Starts an import and waits until it has finished; returns the finished job. */
    private static JsonObject importFile(Api api, String kind, String format, String body) throws InterruptedException {
        Api.Reply started = upload(api.asAdmin(), kind, format, body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().getString("id");
        assertThat(started.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/imports/" + job));
        for (int i = 0; i < 600; i++) {
            JsonObject state = api.asAdmin().get("imports/" + job).json();
            if (!state.getString("state").equals("queued") && !state.getString("state").equals("running")) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + job + " did not finish in 60 s");
    }

    @Test
    void importingTheSameTransactionsTwiceChangesNothingAndTheirClvMatchesFhl2005(Api api) throws Exception {
        String csv = resource("/customers/cdnow_transactions.csv");
        JsonObject first = importFile(api, "transactions", "csv", csv);
        assertThat(first.getString("state")).as(first.toString()).isEqualTo("done");
        assertThat(first.getJsonNumber("rowsDone").longValue()).isEqualTo(6919);
        assertThat(first.getJsonNumber("rowsTotal").longValue()).isEqualTo(6919);
        assertThat(first.getJsonNumber("imported").longValue()).isEqualTo(6919);
        assertThat(first.getJsonNumber("errorCount").longValue()).isZero();

        JsonObject second = importFile(api, "transactions", "csv", csv);
        assertThat(second.getString("state")).isEqualTo("done");
        assertThat(second.getJsonNumber("imported").longValue()).isZero();
        assertThat(second.getJsonNumber("unchanged").longValue()).isEqualTo(6919);

        JsonObject t1 = api.asAdmin().get("transactions/t1").json();
        assertThat(t1.getString("customer")).isEqualTo("1");
        assertThat(t1.getJsonNumber("amount").doubleValue()).isEqualTo(29.33);
        assertThat(t1.getString("date")).isEqualTo("1997-01-01T00:00:00Z");

        // the 39-week calibration period of FHL 2005 ends 1997-09-30; times in weeks
        Api.Reply clv = api.asAdmin().get("loyalty/clv?asOf=1997-09-30&horizon=39&discountRate=0");
        assertThat(clv.status()).as(clv.body()).isEqualTo(200);
        JsonObject result = clv.json();
        ClvAnalysisIT.assertPublishedCdnowBgNbd(result.getJsonObject("bgnbd"));
        assertThat(result.getJsonObject("gammaGamma").keySet()).contains("p", "q", "gamma");
        assertThat(result.getJsonArray("customers")).hasSize(2357);
        JsonObject customer1 = result.getJsonArray("customers").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("id").equals("1")).findFirst().orElseThrow();
        assertThat(customer1.keySet()).contains("expectedPurchases", "pAlive", "expectedSpend", "clv");
        // x = 2, t_x = 30.43, T = 38.86: published conditional expectation over 39 weeks 1.226
        assertThat(customer1.getJsonNumber("expectedPurchases").doubleValue()).isCloseTo(1.226, within(0.001));

        // every CDNOW customer first bought in 1997-Q1, the data run to mid-1998
        Api.Reply summary = api.asAdmin().get("loyalty/summary?period=quarter&churnDays=180");
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        var quarters = summary.json().getJsonArray("periods").stream().map(v -> v.asJsonObject()).toList();
        assertThat(quarters).extracting(q -> q.getString("period"))
                .containsExactly("1997-Q1", "1997-Q2", "1997-Q3", "1997-Q4", "1998-Q1", "1998-Q2");
        JsonObject q1 = quarters.get(0);
        assertThat(q1.getInt("customers")).isEqualTo(2357);
        assertThat(q1.getInt("active")).isEqualTo(2357);
        assertThat(q1.getInt("aliveAtStart")).isZero();
        JsonObject q2 = quarters.get(1);
        assertThat(q2.getInt("aliveAtStart")).isEqualTo(2357);
        assertThat(q2.getInt("retained") + q2.getInt("churned")).isEqualTo(2357);
        assertThat(q2.keySet()).contains("retentionRate", "churnRate", "rfmSegments", "paretoShare", "gini",
                "valueTiers", "revenue");
        // equity needs a fit on the purchases before the boundary; once there are repeat buyers it exists
        assertThat(quarters.subList(2, 6)).allSatisfy(q -> assertThat(q.keySet())
                .contains("equityAtStart", "equityAtEnd", "returnOnCustomer"));
        assertThat(q2.getJsonNumber("paretoShare").doubleValue()).isBetween(0.2, 1.0);

        // a new transaction is seen by the next summary (the transactions and the summary are cached until a write)
        int before = quarters.get(5).getInt("customers");
        assertThat(api.asAdmin().post("transactions", Json.createObjectBuilder().add("id", "tx-it-cache")
                .add("customer", "c-it-cache").add("amount", 10).add("date", "1998-06-15").build()).status())
                .isEqualTo(201);
        var after = api.asAdmin().get("loyalty/summary?period=quarter&churnDays=180").json().getJsonArray("periods");
        assertThat(after.getJsonObject(5).getInt("customers")).isEqualTo(before + 1);
    }

    @Test
    void customersImportedTwiceStayTheSameAndCanBeRead(Api api) throws Exception {
        String csv = "id,name,segment,createdAt,region\nc-it-1,Ada,gold,2024-01-05,north\nc-it-2,Bo,silver,,\n";
        JsonObject first = importFile(api, "customers", "csv", csv);
        assertThat(first.getJsonNumber("imported").longValue()).isEqualTo(2);
        JsonObject second = importFile(api, "customers", "csv", csv);
        assertThat(second.getJsonNumber("imported").longValue()).isZero();
        assertThat(second.getJsonNumber("unchanged").longValue()).isEqualTo(2);

        JsonObject ada = api.as("admin", SentioServer.ADMIN_PASSWORD).get("customers/c-it-1").json();
        assertThat(ada.getString("name")).isEqualTo("Ada");
        assertThat(ada.getString("segment")).isEqualTo("gold");
        assertThat(ada.getJsonObject("attributes").getString("region")).isEqualTo("north");
        assertThat(ada.getString("createdAt")).isEqualTo("2024-01-05T00:00:00Z");

        Api.Reply put = api.asAdmin().put("customers/c-it-3", Json.createObjectBuilder().add("name", "Cy")
                .add("segment", "bronze").add("attributes", Json.createObjectBuilder().add("age", 41)).build());
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        Api.Reply again = api.asAdmin().put("customers/c-it-3", Json.createObjectBuilder().add("name", "Cy")
                .add("segment", "bronze").add("attributes", Json.createObjectBuilder().add("age", 41)).build());
        assertThat(again.status()).isEqualTo(200);
        assertThat(api.asAdmin().get("customers/c-it-3").json().getJsonObject("attributes")
                .getJsonNumber("age").doubleValue()).isEqualTo(41);
        assertThat(api.asAdmin().get("customers/nobody").status()).isEqualTo(404);
    }

    @Test
    void badRowsAreReportedWithLineAndReasonAndGoodRowsImported(Api api) throws Exception {
        String ndjson = """
                {"id":"p1","customer":"c1","kind":"post","date":"2025-03-01","text":"hello"}
                {"id":"p2","customer":"c1","kind":"shout","date":"2025-03-02"}
                not json
                {"id":"p3","customer":"c2","kind":"answer","date":"2025-03-03T10:00:00Z"}
                {"id":"p4","kind":"read","date":"yesterday","$where":"1"}
                """;
        JsonObject job = importFile(api, "community", "ndjson", ndjson);
        assertThat(job.getString("state")).isEqualTo("done");
        assertThat(job.getJsonNumber("rowsDone").longValue()).isEqualTo(5);
        assertThat(job.getJsonNumber("imported").longValue()).isEqualTo(2);
        assertThat(job.getJsonNumber("errorCount").longValue()).isEqualTo(3);
        var errors = job.getJsonArray("errors").stream().map(v -> v.asJsonObject()).toList();
        assertThat(errors).extracting(e -> e.getJsonNumber("line").longValue()).containsExactly(2L, 3L, 5L);
        assertThat(errors.get(0).getString("reason")).contains("kind").contains("shout");
        assertThat(errors.get(2).getString("reason")).contains("customer is required").contains("date")
                .contains("$where");
        assertThat(api.asAdmin().get("community/p3").status()).isEqualTo(200);
        assertThat(api.asAdmin().get("community/p2").status()).isEqualTo(404);

        String csv = "id,customer,touchpoint,channel,type,outcome,durationSeconds,note,date\n"
                + "i1,c1,support,phone,complaint,resolved,300,\"late delivery, refund\",2025-01-02\n"
                + "i2,c1,support,phone,complaint,resolved,-5,,2025-01-02\n"
                + "i3,c1,support,phone\n";
        JsonObject interactions = importFile(api, "interactions", "csv", csv);
        assertThat(interactions.getJsonNumber("imported").longValue()).isEqualTo(1);
        var csvErrors = interactions.getJsonArray("errors").stream().map(v -> v.asJsonObject()).toList();
        assertThat(csvErrors).extracting(e -> e.getJsonNumber("line").longValue()).containsExactly(3L, 4L);
        assertThat(csvErrors.get(0).getString("reason")).contains("durationSeconds");
        assertThat(api.asAdmin().get("interactions/i1").json().getString("note")).isEqualTo("late delivery, refund");
    }

    @Test
    void filesAboveTheApiBodyLimitAreImported(Api api) throws Exception {
        // 60 posts of 90,000 characters: about 5.4 MB, above both the 1 MiB API limit and WildFly's default bound
        StringBuilder ndjson = new StringBuilder();
        String text = "a".repeat(90_000);
        for (int i = 0; i < 60; i++) {
            ndjson.append("{\"id\":\"big").append(i).append("\",\"customer\":\"c9\",\"kind\":\"post\",")
                    .append("\"date\":\"2025-04-01\",\"text\":\"").append(text).append("\"}\n");
        }
        assertThat(ndjson.length()).isGreaterThan(5_000_000);
        JsonObject job = importFile(api, "community", "ndjson", ndjson.toString());
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("done");
        assertThat(job.getJsonNumber("imported").longValue()).isEqualTo(60);
        assertThat(api.asAdmin().get("community/big59").json().getString("text")).hasSize(90_000);
    }

    @Test
    void singleRecordsAreValidatedWithEveryFieldError(Api api) {
        Api.Reply bad = api.asAdmin().post("transactions", Json.createObjectBuilder().add("id", "tx-bad")
                .add("amount", "ten").add("date", "2025-13-01").build());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("amount").contains("date").contains("customer");

        Api.Reply ok = api.asAdmin().post("transactions", Json.createObjectBuilder().add("id", "tx-it-1")
                .add("customer", "c-it-1").add("amount", 12.5).add("date", "1998-06-30").build());
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        Api.Reply same = api.asAdmin().post("transactions", Json.createObjectBuilder().add("id", "tx-it-1")
                .add("customer", "c-it-1").add("amount", 12.5).add("date", "1998-06-30").build());
        assertThat(same.status()).isEqualTo(200);
    }

    @Test
    void badParametersAre400Problems(Api api) {
        for (String query : new String[]{"loyalty/clv", "loyalty/clv?asOf=1997-02-30", "loyalty/clv?asOf=1997-09-30&horizon=x",
                "loyalty/clv?asOf=1997-09-30&horizon=-3", "loyalty/clv?asOf=1997-09-30&discountRate=2",
                "loyalty/clv?asOf=1900-01-01",
                "loyalty/summary?period=week", "loyalty/summary?churnDays=0", "loyalty/summary?churnDays=1.5"}) {
            Api.Reply reply = api.asAdmin().get(query);
            assertThat(reply.status()).as(query + " " + reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        Api.Reply kind = upload(api.asAdmin(), "orders", "csv", "id\n1\n");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body()).contains("kind");
        Api.Reply format = upload(api.asAdmin(), "customers", "xlsx", "id\n1\n");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.body()).contains("format");
    }

    @Test
    void credentialsAndRolesAreRequired(Api api) {
        assertThat(upload(api, "customers", "csv", "id\nx\n").status()).isEqualTo(401);
        assertThat(api.get("customers/c-it-1").status()).isEqualTo(401);
        assertThat(api.get("loyalty/clv?asOf=1997-09-30").status()).isEqualTo(401);
        assertThat(api.get("imports/whatever").status()).isEqualTo(401);

        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "a-long-password-" + suffix;
        for (String role : new String[]{"cx-manager", "executive"}) {
            assertThat(api.asAdmin().put("users/" + role + "-" + suffix, Json.createObjectBuilder()
                    .add("password", password).add("roles", Json.createArrayBuilder().add(role)).build()).status())
                    .isEqualTo(200);
        }
        Api manager = api.as("cx-manager-" + suffix, password);
        Api executive = api.as("executive-" + suffix, password);
        JsonObject customer = Json.createObjectBuilder().add("name", "Dee").build();
        // imports are for admins only; managers write single records; executives only read
        assertThat(upload(manager, "customers", "csv", "id\nx\n").status()).isEqualTo(403);
        assertThat(upload(executive, "customers", "csv", "id\nx\n").status()).isEqualTo(403);
        assertThat(manager.put("customers/c-role-" + suffix, customer).status()).isEqualTo(201);
        assertThat(executive.put("customers/c-role-" + suffix, customer).status()).isEqualTo(403);
        assertThat(executive.get("customers/c-role-" + suffix).status()).isEqualTo(200);
    }
}

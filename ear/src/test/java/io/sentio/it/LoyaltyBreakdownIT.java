package io.sentio.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Loyalty breakdowns, churn by cancellation and win-back over HTTP. The summary covers every stored customer, so
 * this class runs its own server with a small data set whose figures are known by construction (monthly periods,
 * a 31-day churn window): 4 gold customers (web) and 4 basic ones (store) all buy on 2025-01-02, g1 for 1,000 and
 * the others for 10; g1-g3 and b1-b2 buy again in February; b3 cancels on 2025-02-05; g4 contacts support in
 * January; b4 buys again in April. And x1 buys 42 days and 2 days ago, cancels on the day of that last purchase and
 * answers an exit survey ({@code CHURN_REASON} = service) linked to them by an invitation. In the community in
 * March 2025, r1-r3 only read, p1 posts 3 times, p2 answers once, p3 praises once (and refers someone in April).
 * Survey answers are received now, so to observe behaviour after them n1 (NPS 10) and n2 (NPS 3) answer today and
 * n1 buys 5 days from now; a purchase 400 days from now ends the data after their follow-up windows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoyaltyBreakdownIT {

    private SentioServer server;
    private Api api;
    private final LocalDate lastPurchase = LocalDate.now(ZoneOffset.UTC).minusDays(2);

    @BeforeAll
    void startAndLoad() throws InterruptedException {
        server = new SentioServer("loyalty").startFresh();
        api = new Api(server.base()).asAdmin();
        StringBuilder customers = new StringBuilder();
        StringBuilder transactions = new StringBuilder();
        for (String segment : List.of("gold", "basic")) {
            for (int i = 1; i <= 4; i++) {
                String id = segment.charAt(0) + "" + i;
                String touchpoint = segment.equals("gold") ? "web" : "store";
                customers.append(line("id", id, "segment", segment));
                transactions.append(purchase(id + "-jan", id, "2025-01-02", id.equals("g1") ? 1000 : 10, touchpoint));
                if (id.equals("g1") || id.equals("g2") || id.equals("g3") || id.equals("b1") || id.equals("b2")) {
                    transactions.append(purchase(id + "-feb", id, "2025-02-03", 20, touchpoint));
                }
            }
        }
        transactions.append(purchase("b4-apr", "b4", "2025-04-10", 30, "store"));
        transactions.append(purchase("x1-a", "x1", lastPurchase.minusDays(40).toString(), 25, "web"));
        transactions.append(purchase("x1-b", "x1", lastPurchase.toString(), 25, "web"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        transactions.append(purchase("n1-a", "n1", today.plusDays(5).toString(), 40, "web"));
        transactions.append(purchase("end-a", "end", today.plusDays(400).toString(), 1, "web"));
        importFile("customers", customers.toString());
        importFile("transactions", transactions.toString());
        importFile("interactions", line("id", "i1", "customer", "b3", "touchpoint", "phone", "channel", "phone",
                "type", "cancellation", "outcome", "price", "date", "2025-02-05")
                + line("id", "i2", "customer", "g4", "touchpoint", "support", "channel", "email", "type", "complaint",
                "outcome", "unresolved", "date", "2025-01-15")
                + line("id", "i3", "customer", "x1", "touchpoint", "web", "channel", "web", "type", "cancellation",
                "date", lastPurchase.toString()));
        answerExitSurvey("x1", "service", 2);
        answerExitSurvey("n1", null, 10);
        answerExitSurvey("n2", null, 3);
        StringBuilder community = new StringBuilder();
        String[][] activity = {{"r1", "read", "2025-03-02"}, {"r1", "read", "2025-03-03"}, {"r2", "read", "2025-03-04"},
                {"r3", "read", "2025-03-31"}, {"p1", "post", "2025-03-05"}, {"p1", "post", "2025-03-06"},
                {"p1", "post", "2025-03-07"}, {"p2", "answer", "2025-03-08"}, {"p3", "praise", "2025-03-09"},
                {"p3", "referral", "2025-04-02"}};
        for (int i = 0; i < activity.length; i++) {
            community.append(line("id", "a" + i, "customer", activity[i][0], "kind", activity[i][1], "date",
                    activity[i][2]));
        }
        importFile("community", community.toString());
    }

    /** An NPS survey by invitation with the exit item CHURN_REASON, answered by the invited customer. */
    private void answerExitSurvey(String customer, String reason, int nps) {
        Api.Reply deployed = api.post("deployments", Json.createObjectBuilder().add("template", "nps")
                .add("touchpoint", "email").add("channel", "email").add("mode", "invitation")
                .add("extraQuestions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "radiogroup").add("name", "CHURN_REASON").add("title", "Why did you leave?")
                        .add("choices", Json.createArrayBuilder().add("price").add("service").add("moved"))))
                .build());
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        String deployment = deployed.json().getString("id");
        Api.Reply invited = api.post("deployments/" + deployment + "/invitations",
                Json.createObjectBuilder().add("customers", Json.createArrayBuilder().add(customer)).build());
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String token = invited.array().getJsonObject(0).getString("token");
        var answers = Json.createObjectBuilder().add("NPS", nps);
        if (reason != null) {
            answers.add("CHURN_REASON", reason);
        }
        Api.Reply answered = new Api(server.base()).post("deployments/" + deployment + "/responses",
                Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("language", "en")
                        .add("answers", answers).add("token", token).build());
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String line(String... keyValues) {
        var object = Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            object.add(keyValues[i], keyValues[i + 1]);
        }
        return object.build() + "\n";
    }

    private static String purchase(String id, String customer, String date, double amount, String touchpoint) {
        return Json.createObjectBuilder().add("id", id).add("customer", customer).add("date", date)
                .add("amount", amount).add("touchpoint", touchpoint).build() + "\n";
    }

    private void importFile(String kind, String ndjson) throws InterruptedException {
        Api.Reply started = api.send(api.request("imports?kind=" + kind + "&format=ndjson")
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson)));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().getString("id");
        for (int i = 0; i < 300; i++) {
            JsonObject state = api.get("imports/" + job).json();
            if (state.getString("state").equals("done")) {
                assertThat(state.getJsonNumber("errorCount").longValue()).as(state.toString()).isZero();
                return;
            }
            assertThat(state.getString("state")).as(state.toString()).isIn("queued", "running");
            Thread.sleep(100);
        }
        throw new AssertionError("import of " + kind + " did not finish in 30 s");
    }

    private JsonObject month(String query, String month) {
        Api.Reply reply = api.get("loyalty/summary?period=month&churnDays=31" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().getJsonArray("periods").stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("period").equals(month)).findFirst().orElseThrow();
    }

    private static double rate(JsonObject group, String name) {
        return group.getJsonNumber(name).doubleValue();
    }

    @Test
    void retentionBySegment() {
        JsonObject feb = month("&by=segment", "2025-02");
        JsonObject groups = feb.getJsonObject("breakdown");
        assertThat(groups.keySet()).containsExactlyInAnyOrder("gold", "basic");
        assertThat(groups.getJsonObject("gold").getInt("aliveAtStart")).isEqualTo(4);
        assertThat(rate(groups.getJsonObject("gold"), "retentionRate")).isEqualTo(0.75);
        assertThat(rate(groups.getJsonObject("basic"), "retentionRate")).isEqualTo(0.5);
        assertThat(rate(groups.getJsonObject("basic"), "revenue")).isEqualTo(40.0);
        // the fixed figures are still there
        assertThat(feb.getInt("aliveAtStart")).isEqualTo(8);
        assertThat(feb.getInt("retained")).isEqualTo(5);
        assertThat(feb.keySet()).contains("rfmSegments", "valueTiers", "revenue", "retentionRate", "churnRate");
    }

    @Test
    void retentionByTierAndTouchpoint() {
        // January revenue: g1 1,000 of 1,070 (A+); everyone else has 1,000/1,070 = 0.93 above them (B)
        JsonObject tiers = month("&by=tier", "2025-02").getJsonObject("breakdown");
        assertThat(tiers.keySet()).containsExactlyInAnyOrder("A+", "B");
        assertThat(rate(tiers.getJsonObject("A+"), "retentionRate")).isEqualTo(1.0);
        assertThat(rate(tiers.getJsonObject("B"), "retentionRate")).isCloseTo(4.0 / 7, within(1e-12));

        JsonObject touchpoints = month("&by=touchpoint", "2025-02").getJsonObject("breakdown");
        assertThat(touchpoints.keySet()).containsExactlyInAnyOrder("web", "store", "support");
        assertThat(touchpoints.getJsonObject("support").getInt("customers")).isEqualTo(1);
        assertThat(rate(touchpoints.getJsonObject("support"), "retentionRate")).isEqualTo(0.0);
        assertThat(rate(touchpoints.getJsonObject("web"), "retentionRate")).isEqualTo(0.75);
    }

    @Test
    void churnByCancellationAndWinBack() {
        JsonObject feb = month("&churn=cancellation", "2025-02");
        assertThat(feb.getInt("aliveAtStart")).isEqualTo(8);
        assertThat(feb.getInt("churned")).isEqualTo(1);   // b3 cancelled; the others have not
        assertThat(feb.containsKey("breakdown")).isFalse();

        // by inactivity everyone's last purchase is in early February: all 8 churned before April, b4 came back
        JsonObject apr = month("", "2025-04");
        assertThat(apr.getInt("churnedBeforeStart")).isEqualTo(8);
        assertThat(apr.getInt("wonBack")).isEqualTo(1);
        assertThat(rate(apr, "winBackRate")).isEqualTo(0.125);
    }

    @Test
    void valueTierCutPointsAreAParameter() {
        // January revenue: g1 1,000 of 1,070; the other seven have 1,000/1,070 = 0.93 of it above them
        JsonObject jan = month("", "2025-01");
        assertThat(jan.getJsonObject("valueTiers").getInt("B")).isEqualTo(7);
        Api.Reply custom = api.get("loyalty/summary?period=month&churnDays=31&by=tier&tiers=0.2,0.5,0.9");
        assertThat(custom.status()).as(custom.body()).isEqualTo(200);
        assertThat(custom.json().getJsonArray("tiers").getJsonNumber(2).doubleValue()).isEqualTo(0.9);
        JsonObject customJan = custom.json().getJsonArray("periods").stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("period").equals("2025-01")).findFirst().orElseThrow();
        assertThat(customJan.getJsonObject("valueTiers").getInt("A+")).isEqualTo(1);
        assertThat(customJan.getJsonObject("valueTiers").getInt("C")).isEqualTo(7);
        assertThat(customJan.getJsonObject("valueTiers").getInt("B")).isZero();
        JsonObject tiers = month("&by=tier&tiers=0.2,0.5,0.9", "2025-02").getJsonObject("breakdown");
        assertThat(tiers.keySet()).containsExactlyInAnyOrder("A+", "C");
        assertThat(tiers.getJsonObject("C").getInt("customers")).isEqualTo(7);
        // the cut points are part of the cached summary's key: the default is still served after the custom one
        assertThat(month("&by=tier", "2025-02").getJsonObject("breakdown").keySet())
                .containsExactlyInAnyOrder("A+", "B");
        assertThat(api.get("loyalty/summary").json().getJsonArray("tiers").getJsonNumber(0).doubleValue())
                .isEqualTo(0.5);
    }

    @Test
    void winBackPerSegment() {
        // all 8 churned before April (last purchases in early February, 31-day window); b4 came back in April
        JsonObject apr = month("&by=segment", "2025-04");
        JsonObject gold = apr.getJsonObject("breakdown").getJsonObject("gold");
        JsonObject basic = apr.getJsonObject("breakdown").getJsonObject("basic");
        assertThat(gold.getInt("churnedBeforeStart")).isEqualTo(4);
        assertThat(gold.getInt("wonBack")).isZero();
        assertThat(rate(gold, "winBackRate")).isZero();
        assertThat(basic.getInt("churnedBeforeStart")).isEqualTo(4);
        assertThat(basic.getInt("wonBack")).isEqualTo(1);
        assertThat(rate(basic, "winBackRate")).isEqualTo(0.25);
        assertThat(gold.getInt("churnedBeforeStart") + basic.getInt("churnedBeforeStart"))
                .isEqualTo(apr.getInt("churnedBeforeStart"));
        // tier groups are customers alive at the start: no win-back there
        JsonObject feb = month("&by=tier", "2025-02").getJsonObject("breakdown").getJsonObject("A+");
        assertThat(feb.keySet()).contains("retentionRate").doesNotContain("churnedBeforeStart", "wonBack",
                "winBackRate");
    }

    private JsonObject reasons(String query, String month) {
        Api.Reply reply = api.get("loyalty/churn-reasons?period=month&churnDays=31" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().getJsonArray("periods").stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("period").equals(month)).findFirst().orElseThrow();
    }

    @Test
    void churnReasonsAreRankedWithCountsAndShares() {
        // by inactivity g4, b3 and b4 churn on Feb 2 (31 days after Jan 2); only g4 had an interaction by then
        JsonObject feb = reasons("", "2025-02");
        assertThat(feb.getInt("churned")).isEqualTo(3);
        assertThat(feb.getInt("unexplained")).isEqualTo(2);
        JsonObject top = feb.getJsonArray("reasons").getJsonObject(0);
        assertThat(top.getString("source")).isEqualTo("interaction");
        assertThat(top.getString("reason")).isEqualTo("complaint/unresolved");
        assertThat(top.getInt("customers")).isEqualTo(1);
        assertThat(top.getJsonNumber("share").doubleValue()).isCloseTo(1.0 / 3, within(1e-12));

        // by cancellation b3 churns in February with the cancellation's outcome as the reason
        JsonObject cancelled = reasons("&churn=cancellation", "2025-02");
        assertThat(cancelled.getInt("churned")).isEqualTo(1);
        assertThat(cancelled.getJsonArray("reasons").getJsonObject(0).getString("reason"))
                .isEqualTo("cancellation/price");

        // x1 cancelled recently and answered the exit survey
        JsonObject recent = reasons("&churn=cancellation", YearMonth.from(lastPurchase).toString());
        assertThat(recent.getInt("churned")).isEqualTo(1);
        assertThat(recent.getJsonArray("reasons").stream().map(v -> v.asJsonObject())
                .map(r -> r.getString("source") + ":" + r.getString("reason") + ":" + r.getInt("customers")))
                .containsExactlyInAnyOrder("interaction:cancellation:1", "survey:service:1");
    }

    @Test
    void churnReasonsPerSegment() {
        // g4 (gold, complained), b3 and b4 (basic, nothing in their window) churn on Feb 2 by inactivity
        JsonObject feb = reasons("&by=segment", "2025-02");
        assertThat(feb.getInt("churned")).isEqualTo(3);
        JsonObject groups = feb.getJsonObject("breakdown");
        assertThat(groups.keySet()).containsExactlyInAnyOrder("gold", "basic");
        JsonObject gold = groups.getJsonObject("gold");
        assertThat(gold.getInt("churned")).isEqualTo(1);
        assertThat(gold.getInt("unexplained")).isZero();
        JsonObject top = gold.getJsonArray("reasons").getJsonObject(0);
        assertThat(top.getString("reason")).isEqualTo("complaint/unresolved");
        assertThat(top.getJsonNumber("share").doubleValue()).isEqualTo(1.0);
        assertThat(groups.getJsonObject("basic").getInt("churned")).isEqualTo(2);
        assertThat(groups.getJsonObject("basic").getInt("unexplained")).isEqualTo(2);
        assertThat(groups.getJsonObject("basic").getJsonArray("reasons")).isEmpty();

        // x1 has no profile: their recent cancellation and exit answer are under (none)
        JsonObject recent = reasons("&churn=cancellation&by=segment", YearMonth.from(lastPurchase).toString())
                .getJsonObject("breakdown");
        assertThat(recent.keySet()).containsExactly("(none)");
        assertThat(recent.getJsonObject("(none)").getJsonArray("reasons")).hasSize(2);
        assertThat(reasons("", "2025-02").containsKey("breakdown")).isFalse();
    }

    @Test
    void churnReasonsPerTier() {
        // tiers at Feb 1 by January revenue among the 8 customers alive then: g1 (1,000 of 1,070) is A+, the other
        // seven have 93% above them: B. The churners g4, b3 and b4 are all B (ranked among themselves alone, three
        // equal revenues, they would all be A+)
        Api.Reply reply = api.get("loyalty/churn-reasons?period=month&churnDays=31&by=tier");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("tiers").getJsonNumber(0).doubleValue()).isEqualTo(0.5);
        JsonObject feb = reasons("&by=tier", "2025-02");
        JsonObject groups = feb.getJsonObject("breakdown");
        assertThat(groups.keySet()).containsExactly("B");
        JsonObject b = groups.getJsonObject("B");
        assertThat(b.getInt("churned")).isEqualTo(feb.getInt("churned")).isEqualTo(3);
        assertThat(b.getInt("unexplained")).isEqualTo(feb.getInt("unexplained")).isEqualTo(2);
        assertThat(b.getJsonArray("reasons").getJsonObject(0).getString("reason")).isEqualTo("complaint/unresolved");
        assertThat(b.getJsonArray("reasons").getJsonObject(0).getJsonNumber("share").doubleValue())
                .isCloseTo(1.0 / 3, within(1e-12));
        // with cut points 20/50/90% the seven are C (93% above them), as in the summary's tier groups
        JsonObject custom = reasons("&by=tier&tiers=0.2,0.5,0.9", "2025-02").getJsonObject("breakdown");
        assertThat(custom.keySet()).containsExactly("C");
        assertThat(custom.getJsonObject("C").getInt("churned")).isEqualTo(3);
    }

    @Test
    void churnReasonsPerTouchpoint() {
        // touchpoints in [Jan 1, Feb 1): g4 bought on the web and complained at support, b3 and b4 bought in store;
        // b3's cancellation at the phone on Feb 5 is after the period start. g4 is in two groups
        JsonObject feb = reasons("&by=touchpoint", "2025-02");
        assertThat(feb.getInt("churned")).isEqualTo(3);
        JsonObject groups = feb.getJsonObject("breakdown");
        assertThat(groups.keySet()).containsExactlyInAnyOrder("web", "support", "store");
        for (String touchpoint : List.of("web", "support")) {
            JsonObject group = groups.getJsonObject(touchpoint);
            assertThat(group.getInt("churned")).isEqualTo(1);
            assertThat(group.getInt("unexplained")).isZero();
            assertThat(group.getJsonArray("reasons").getJsonObject(0).getString("reason"))
                    .isEqualTo("complaint/unresolved");
            assertThat(group.getJsonArray("reasons").getJsonObject(0).getJsonNumber("share").doubleValue())
                    .isEqualTo(1.0);
        }
        assertThat(groups.getJsonObject("store").getInt("churned")).isEqualTo(2);
        assertThat(groups.getJsonObject("store").getInt("unexplained")).isEqualTo(2);
        assertThat(api.get("loyalty/churn-reasons?period=month&churnDays=31&by=touchpoint").json()
                .containsKey("tiers")).isFalse();
    }

    @Test
    void communityEngagementSplitsReadersCoreAndOthers() {
        Api.Reply reply = api.get("loyalty/community?from=2025-03-01&to=2025-03-31");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject march = reply.json();
        assertThat(march.getInt("customers")).isEqualTo(6);
        assertThat(march.getJsonObject("silentReaders").getInt("customers")).isEqualTo(3);
        assertThat(march.getJsonObject("silentReaders").getJsonNumber("share").doubleValue()).isEqualTo(0.5);
        // 3 contributors: the top 10% rounded up is p1 (3 posts × 3 = 9)
        assertThat(march.getJsonObject("activeCore").getInt("customers")).isEqualTo(1);
        assertThat(march.getJsonObject("otherContributors").getInt("customers")).isEqualTo(2);
        JsonObject top = march.getJsonArray("top").getJsonObject(0);
        assertThat(top.getString("customer")).isEqualTo("p1");
        assertThat(top.getJsonNumber("score").doubleValue()).isEqualTo(9.0);
        assertThat(march.getJsonObject("weights").getJsonNumber("read").doubleValue()).isEqualTo(0.1);

        JsonObject reweighted = api.get("loyalty/community?from=2025-03-01&to=2025-03-31&postWeight=0&answerWeight=10")
                .json();
        assertThat(reweighted.getJsonArray("top").getJsonObject(0).getString("customer")).isEqualTo("p2");
        // April holds only p3's referral
        JsonObject april = api.get("loyalty/community?from=2025-04-01&to=2025-04-30").json();
        assertThat(april.getInt("customers")).isEqualTo(1);
        assertThat(april.getJsonArray("top").getJsonObject(0).getJsonNumber("score").doubleValue()).isEqualTo(5.0);
    }

    @Test
    void behaviourAfterNpsAnswersByCategory() {
        Api.Reply reply = api.get("loyalty/satisfaction-behaviour?days=30&churnDays=180");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject result = reply.json();
        assertThat(result.getInt("respondents")).isEqualTo(3);
        assertThat(result.getInt("censored")).isZero();
        JsonObject promoter = result.getJsonObject("groups").getJsonObject("promoter");
        assertThat(promoter.getInt("respondents")).isEqualTo(1);
        assertThat(promoter.getJsonObject("repeatPurchase").getJsonNumber("share").doubleValue()).isEqualTo(1.0);
        assertThat(promoter.getJsonObject("spend").getJsonNumber("mean").doubleValue()).isEqualTo(40.0);
        assertThat(promoter.containsKey("retention")).isFalse();   // n1 was not yet a customer when answering
        // x1 (NPS 2, bought 2 days ago, alive for 180 days) and n2 (never bought): no purchase after answering
        JsonObject detractor = result.getJsonObject("groups").getJsonObject("detractor");
        assertThat(detractor.getInt("respondents")).isEqualTo(2);
        assertThat(detractor.getJsonObject("repeatPurchase").getJsonNumber("share").doubleValue()).isZero();
        JsonObject retention = detractor.getJsonObject("retention");
        assertThat(retention.getInt("n")).isEqualTo(1);
        assertThat(retention.getJsonNumber("share").doubleValue()).isEqualTo(1.0);
        assertThat(retention.getJsonObject("ci95").getJsonNumber("upper").doubleValue()).isCloseTo(1.0, within(1e-12));
        assertThat(result.getJsonObject("groups").getJsonObject("passive").getInt("respondents")).isZero();
        // the data end 401 days from now: a 180-day window is complete, a 500-day one is not
        assertThat(api.get("loyalty/satisfaction-behaviour").json().getInt("censored")).isZero();
        assertThat(api.get("loyalty/satisfaction-behaviour?days=500").json().getInt("censored")).isEqualTo(3);
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        for (String[] query : new String[][]{{"summary?by=region", "by"}, {"summary?churn=sometimes", "churn"},
                {"summary?by=segment&churnDays=0", "churnDays"}, {"churn-reasons?period=week", "period"},
                {"churn-reasons?churn=never", "churn"}, {"churn-reasons?churnDays=x", "churnDays"},
                {"community?postWeight=-1", "postWeight"}, {"community?readWeight=x", "readWeight"},
                {"community?from=2025-04-01&to=2025-03-01", "to"}, {"community?size=0", "size"},
                {"community?from=2025-02-30", "from"}, {"satisfaction-behaviour?days=0", "days"},
                {"satisfaction-behaviour?churn=maybe", "churn"}, {"summary?tiers=0.5,0.8", "tiers"},
                {"summary?tiers=0.8,0.5,0.95", "tiers"}, {"summary?tiers=0.5,0.8,1.5", "tiers"},
                {"summary?by=tier&tiers=a,b,c", "tiers"}, {"churn-reasons?by=tier&tiers=0.5,0.8", "tiers"},
                {"churn-reasons?tiers=0.9,0.5,0.95", "tiers"}, {"churn-reasons?by=region", "by"}}) {
            Api.Reply reply = api.get("loyalty/" + query[0]);
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().getJsonArray("violations").getJsonObject(0).getString("field"))
                    .isEqualTo(query[1]);
        }
    }

    @Test
    void executivesMayReadAndAnonymousCallersMayNot() {
        String password = "a-long-password-loyalty";
        assertThat(api.put("users/exec-loyalty", Json.createObjectBuilder().add("password", password)
                .add("roles", Json.createArrayBuilder().add("executive")).build()).status()).isEqualTo(200);
        Api executive = new Api(server.base()).as("exec-loyalty", password);
        assertThat(executive.get("loyalty/summary?by=touchpoint").status()).isEqualTo(200);
        assertThat(executive.get("loyalty/churn-reasons").status()).isEqualTo(200);
        assertThat(executive.get("loyalty/community").status()).isEqualTo(200);
        assertThat(executive.get("loyalty/satisfaction-behaviour").status()).isEqualTo(200);
        assertThat(new Api(server.base()).get("loyalty/satisfaction-behaviour").status()).isEqualTo(401);
        assertThat(new Api(server.base()).get("loyalty/community").status()).isEqualTo(401);
        assertThat(new Api(server.base()).get("loyalty/summary?by=segment").status()).isEqualTo(401);
        assertThat(new Api(server.base()).get("loyalty/churn-reasons").status()).isEqualTo(401);
    }
}

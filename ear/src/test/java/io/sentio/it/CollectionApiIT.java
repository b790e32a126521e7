package io.sentio.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixed collection API of the foundation issue, black-box against the provisioned server. */
@ExtendWith(SharedServer.class)
class CollectionApiIT {

    @Test
    void healthIsUpWithoutCredentials(Api api) {
        Api.Reply reply = api.get("health");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("UP");
    }

    @Test
    void templatesListEveryStandardTemplate(Api api) {
        Api.Reply reply = api.asAdmin().get("templates");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.array().stream().map(v -> v.asJsonObject().getString("id")).toList())
                .contains("acsi", "ecsi", "nps", "csat", "ces", "touchpoint");
    }

    @Test
    void deployingGivesLocationIdLinkAndAZeroCount(Api api) {
        Api.Reply reply = api.asAdmin().post("deployments", Json.createObjectBuilder()
                .add("template", "acsi").add("touchpoint", "phone").add("channel", "link").add("mode", "anonymous")
                .add("languages", Json.createArrayBuilder(List.of("en", "zh-CN", "zh-TW"))).build());
        assertThat(reply.status()).isEqualTo(201);
        JsonObject created = reply.json();
        String id = created.getString("id");
        assertThat(reply.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/deployments/" + id));
        assertThat(created.getString("link")).startsWith(api.base().toString()).contains(id);

        JsonObject fetched = api.asAdmin().get("deployments/" + id).json();
        assertThat(fetched.getString("id")).isEqualTo(id);
        assertThat(fetched.getString("touchpoint")).isEqualTo("phone");
        assertThat(fetched.getJsonNumber("responseCount").longValue()).isZero();
    }

    @Test
    void aSurveyIsATemplateWithItsOwnTitleAndExtraQuestions(Api api) {
        Api.Reply reply = api.asAdmin().post("deployments", Json.createObjectBuilder()
                .add("template", "nps").add("touchpoint", "app").add("title", "App feedback, spring")
                .add("extraQuestions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "rating").add("name", "EASE").add("title", "How easy was the app to use?")
                        .add("rateMin", 1).add("rateMax", 5).add("isRequired", true)))
                .build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().getString("id");
        JsonObject form = api.get("deployments/" + id + "/form").json();
        assertThat(form.getString("title")).isEqualTo("App feedback, spring");
        assertThat(form.getJsonObject("survey").toString()).contains("\"EASE\"").contains("App feedback, spring");

        String path = "deployments/" + id + "/responses";
        JsonObject withoutExtra = Json.createObjectBuilder().add("NPS", 9).build();
        Api.Reply missing = api.post(path, Api.submission(UUID.randomUUID().toString(), "en", withoutExtra));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("answers.EASE");
        JsonObject complete = Json.createObjectBuilder().add("NPS", 9).add("EASE", 4).build();
        assertThat(api.post(path, Api.submission(UUID.randomUUID().toString(), "en", complete)).status()).isEqualTo(201);
        assertThat(count(api, id)).isEqualTo(1);

        Api.Reply badExtra = api.asAdmin().post("deployments", Json.createObjectBuilder()
                .add("template", "nps").add("touchpoint", "app")
                .add("extraQuestions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "html").add("name", "$bad")))
                .build());
        assertThat(badExtra.status()).isEqualTo(400);
        assertThat(badExtra.contentType()).startsWith("application/problem+json");
        assertThat(badExtra.body()).contains("extraQuestions");
    }

    @Test
    void invalidDeploymentRequestsNameEveryBadField(Api api) {
        Api.Reply reply = api.asAdmin().post("deployments", Json.createObjectBuilder()
                .add("template", "no-such-template").add("touchpoint", "Bad Touchpoint!").add("mode", "sometimes")
                .build());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getJsonArray("violations").stream().map(v -> v.asJsonObject().getString("field")))
                .contains("template", "touchpoint", "mode");

        Api.Reply language = api.asAdmin().post("deployments", Json.createObjectBuilder()
                .add("template", "nps").add("touchpoint", "web").add("languages", Json.createArrayBuilder().add("fr")).build());
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.body()).contains("languages[0]");
    }

    @Test
    void aSubmissionIsStoredOnceAndItsRetriesAreHarmless(Api api) {
        String deployment = api.deploy("acsi", "phone").getString("id");
        String id = UUID.randomUUID().toString();
        JsonObject body = Api.submission(id, "zh-CN", Api.acsiAnswers(8));

        assertThat(api.post("deployments/" + deployment + "/responses", body).status()).isEqualTo(201);
        Api.Reply retry = api.post("deployments/" + deployment + "/responses", body);
        assertThat(retry.status()).isIn(200, 201);
        assertThat(count(api, deployment)).isEqualTo(1);

        Api.Reply conflicting = api.post("deployments/" + deployment + "/responses",
                Api.submission(id, "zh-CN", Api.acsiAnswers(3)));
        assertThat(conflicting.status()).isEqualTo(409);
        assertThat(conflicting.contentType()).startsWith("application/problem+json");
        assertThat(count(api, deployment)).isEqualTo(1);
    }

    @Test
    void numbersAreComparedByValueWhenRecognisingARetry(Api api) {
        String deployment = api.deploy("nps", "web").getString("id");
        String id = UUID.randomUUID().toString();
        String path = "deployments/" + deployment + "/responses";
        assertThat(api.post(path, "{\"id\":\"" + id + "\",\"language\":\"en\",\"answers\":{\"NPS\":9}}").status())
                .isEqualTo(201);
        assertThat(api.post(path, "{\"id\":\"" + id + "\",\"language\":\"en\",\"answers\":{\"NPS\":9.0}}").status())
                .isIn(200, 201, 400);
        assertThat(count(api, deployment)).isEqualTo(1);
    }

    @Test
    void badAnswersAre400ProblemsNamingTheFieldAndWriteNothing(Api api) {
        String deployment = api.deploy("acsi", "store").getString("id");
        String path = "deployments/" + deployment + "/responses";
        record Case(String field, JsonObject answers) {
        }
        JsonObject valid = Api.acsiAnswers(7);
        List<Case> cases = List.of(
                new Case("UNKNOWN1", Json.createObjectBuilder(valid).add("UNKNOWN1", 5).build()),
                new Case("CE1", Json.createObjectBuilder(valid).add("CE1", 11).build()),
                new Case("CE2", Json.createObjectBuilder(valid).add("CE2", 0).build()),
                new Case("NPS", Json.createObjectBuilder(valid).add("NPS", "nine").build()),
                new Case("PQ1", Json.createObjectBuilder(valid).add("PQ1", 7.5).build()),
                new Case("SAT1", Json.createObjectBuilder(valid).remove("SAT1").build()),
                new Case("CC1", Json.createObjectBuilder(valid).add("CC1", 2).build()),
                new Case("$where", Json.createObjectBuilder(valid).add("$where", 1).build()),
                new Case("a.b", Json.createObjectBuilder(valid).add("a.b", 1).build()));
        for (Case c : cases) {
            Api.Reply reply = api.post(path, Api.submission(UUID.randomUUID().toString(), "en", c.answers()));
            assertThat(reply.status()).as(c.field()).isEqualTo(400);
            assertThat(reply.contentType()).as(c.field()).startsWith("application/problem+json");
            assertThat(reply.json().getJsonArray("violations").stream()
                    .map(v -> v.asJsonObject().getString("field")).toList())
                    .as(c.field()).anySatisfy(f -> assertThat(f).contains(c.field()));
        }
        assertThat(api.post(path, Api.submission("short", "en", valid)).status()).isEqualTo(400);
        assertThat(api.post(path, Api.submission(UUID.randomUUID().toString(), "fr", valid)).status()).isEqualTo(400);
        assertThat(api.post(path, "{not json").status()).isEqualTo(400);
        assertThat(api.post(path, "[1,2]").status()).isEqualTo(400);
        assertThat(api.post(path, "{\"id\":7,\"language\":\"en\",\"answers\":{}}").status()).isEqualTo(400);
        assertThat(count(api, deployment)).isZero();
    }

    @Test
    void bodiesOverOneMebibyteAre413(Api api) {
        String deployment = api.deploy("acsi", "web").getString("id");
        String huge = "x".repeat(1024 * 1024);
        JsonObject answers = Json.createObjectBuilder(Api.acsiAnswers(6)).add("COMMENT", huge).build();
        Api.Reply reply = api.post("deployments/" + deployment + "/responses",
                Api.submission(UUID.randomUUID().toString(), "en", answers));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(count(api, deployment)).isZero();
    }

    @Test
    void aClosedDeploymentRefusesAnswersWith409(Api api) {
        String deployment = api.deploy("csat", "chat").getString("id");
        assertThat(api.asAdmin().post("deployments/" + deployment + "/close", "").status()).isEqualTo(200);
        Api.Reply reply = api.post("deployments/" + deployment + "/responses",
                Api.submission(UUID.randomUUID().toString(), "en", Json.createObjectBuilder().add("CSAT", 4).build()));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(count(api, deployment)).isZero();
    }

    @Test
    void managersExportResponsesAsCsvWithFormulasNeutralised(Api api) {
        String deployment = api.deploy("nps", "letter").getString("id");
        String path = "deployments/" + deployment + "/responses";
        for (String comment : List.of("=HYPERLINK(\"http://evil.example\",\"win\")", "plain, with a comma")) {
            JsonObject answers = Json.createObjectBuilder().add("NPS", 8).add("COMMENT", comment).build();
            assertThat(api.post(path, Api.submission(UUID.randomUUID().toString(), "en", answers)).status()).isEqualTo(201);
        }
        assertThat(api.send(api.request(path).header("Accept", "text/csv").GET()).status()).isEqualTo(401);
        Api.Reply csv = api.asAdmin().send(api.asAdmin().request(path).header("Accept", "text/csv").GET());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("response_id,received_at,language,NPS,COMMENT");
        assertThat(lines).hasSize(3);
        assertThat(csv.body()).contains("'=HYPERLINK(").contains("\"plain, with a comma\"").doesNotContain(",=HYPERLINK");
        assertThat(api.asAdmin().send(api.asAdmin().request("deployments/nope/responses").header("Accept", "text/csv")
                .GET()).status()).isEqualTo(404);
    }

    @Test
    void unknownDeploymentIs404Problem(Api api) {
        Api.Reply reply = api.post("deployments/nope/responses", Api.submission(UUID.randomUUID().toString(), "en",
                Api.acsiAnswers(5)));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    static long count(Api api, String deployment) {
        return api.asAdmin().get("deployments/" + deployment).json().getJsonNumber("responseCount").longValue();
    }
}

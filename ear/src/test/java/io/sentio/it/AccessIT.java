package io.sentio.it;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles on every management endpoint, Basic and cookie sign-in, and the sign-in page for browsers. */
@ExtendWith(SharedServer.class)
class AccessIT {

    private static final List<String> MANAGEMENT_GETS = List.of("templates", "templates/acsi", "deployments", "users",
            "session");

    @Test
    void managementEndpointsNeedCredentials(Api api) {
        for (String path : MANAGEMENT_GETS) {
            Api.Reply reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).as(path).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
            assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(api.post("deployments", "{}").status()).isEqualTo(401);
        assertThat(api.as("admin", "wrong-password").get("deployments").status()).isEqualTo(401);
    }

    @Test
    void rolesDecideWhatEachUserMayDo(Api api) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String manager = "manager-" + suffix;
        String executive = "exec-" + suffix;
        String password = "a-long-password-" + suffix;
        assertThat(api.asAdmin().put("users/" + manager, Json.createObjectBuilder().add("password", password)
                .add("roles", Json.createArrayBuilder().add("cx-manager")).build()).status()).isEqualTo(200);
        assertThat(api.asAdmin().put("users/" + executive, Json.createObjectBuilder().add("password", password)
                .add("roles", Json.createArrayBuilder().add("executive")).build()).status()).isEqualTo(200);

        String deployment = Json.createObjectBuilder().add("template", "nps").add("touchpoint", "app").build().toString();
        assertThat(api.as(manager, password).post("deployments", deployment).status()).isEqualTo(201);
        assertThat(api.as(executive, password).post("deployments", deployment).status()).isEqualTo(403);
        assertThat(api.as(executive, password).get("deployments").status()).isEqualTo(200);
        assertThat(api.as(manager, password).get("users").status()).isEqualTo(403);
        assertThat(api.as(executive, password).put("users/someone-" + suffix, Json.createObjectBuilder()
                .add("password", password).add("roles", Json.createArrayBuilder().add("admin")).build()).status())
                .isEqualTo(403);
    }

    @Test
    void unreadableBodiesAre400ProblemsOnEveryWritingEndpoint(Api api) {
        record Call(String method, String path) {
        }
        List<Call> calls = List.of(new Call("POST", "deployments"), new Call("PUT", "users/someone"),
                new Call("POST", "session"), new Call("POST", "analyses/pls"), new Call("POST", "analyses/clv"),
                new Call("PUT", "customers/c1"), new Call("POST", "transactions"), new Call("POST", "interactions"),
                new Call("POST", "community"));
        for (Call call : calls) {
            for (String body : List.of("{bad", "[]", "\"text\"", "")) {
                Api.Reply reply = api.asAdmin().send(api.asAdmin().request(call.path())
                        .header("Content-Type", "application/json")
                        .method(call.method(), HttpRequest.BodyPublishers.ofString(body)));
                assertThat(reply.status()).as(call + " with " + body).isBetween(400, 499);
                assertThat(reply.contentType()).as(call + " with " + body).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void weakPasswordsAndUnknownRolesAreRefused(Api api) {
        Api.Reply weak = api.asAdmin().put("users/weakling", Json.createObjectBuilder().add("password", "short")
                .add("roles", Json.createArrayBuilder().add("superuser")).build());
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("roles[0]");
    }

    @Test
    void browsersSignInWithACookieThatNeedsTheCsrfHeaderToChangeThings(Api api) {
        Api.Reply signIn = api.post("session", Json.createObjectBuilder().add("user", "admin")
                .add("password", SentioServer.ADMIN_PASSWORD).build());
        assertThat(signIn.status()).isEqualTo(204);
        String setCookie = signIn.header("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.split(";")[0];

        Api.Reply whoami = api.send(api.request("session").header("Cookie", cookie).GET());
        assertThat(whoami.status()).isEqualTo(200);
        assertThat(whoami.json().getString("user")).isEqualTo("admin");

        String body = Json.createObjectBuilder().add("template", "ces").add("touchpoint", "web").build().toString();
        Api.Reply withoutHeader = api.send(api.request("deployments").header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(withoutHeader.status()).isEqualTo(403);
        Api.Reply withHeader = api.send(api.request("deployments").header("Cookie", cookie)
                .header("X-Requested-With", "fetch")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(withHeader.status()).isEqualTo(201);

        assertThat(api.post("session", "{\"user\":\"admin\",\"password\":\"nope\"}").status()).isEqualTo(401);
    }

    @Test
    void dashboardPagesSendAnonymousBrowsersToTheSignInPage(Api api) {
        Api.Reply reply = api.send(java.net.http.HttpRequest.newBuilder(api.base().resolve("admin/index.html")).GET());
        assertThat(reply.status()).isIn(302, 303);
        assertThat(reply.header("Location")).hasValueSatisfying(l -> assertThat(l).contains("login.html"));
        Api.Reply respondent = api.send(java.net.http.HttpRequest.newBuilder(api.base().resolve("respond.html")).GET());
        assertThat(respondent.status()).isEqualTo(200);
    }
}

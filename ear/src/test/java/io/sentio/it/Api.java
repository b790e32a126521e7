package io.sentio.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A black-box HTTP client of Sentio's API (java.net.http), with JSON bodies parsed by JSON-P. */
public final class Api {

    /** A response: status, headers and body (parsed as JSON where it is JSON). */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String authorization;

    public Api(URI base) {
        this(base, null);
    }

    private Api(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public URI base() {
        return base;
    }

    /** The same client sending HTTP Basic credentials. */
    public Api as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token);
    }

    public Api asAdmin() {
        return as("admin", SentioServer.ADMIN_PASSWORD);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, JsonStructure body) {
        return post(path, body.toString());
    }

    public Reply post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String path, JsonStructure body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve("api/v1/" + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    /** Deploys a template anonymously to a touchpoint in all three languages; returns the deployment JSON. */
    public JsonObject deploy(String template, String touchpoint) {
        Reply reply = asAdmin().post("deployments", Json.createObjectBuilder()
                .add("template", template).add("touchpoint", touchpoint).add("channel", "link")
                .add("mode", "anonymous").add("languages", Json.createArrayBuilder(List.of("en", "zh-CN", "zh-TW")))
                .build());
        if (reply.status() != 201) {
            throw new IllegalStateException("deploy failed: " + reply);
        }
        return reply.json();
    }

    /** A complete, valid set of ACSI answers (every rating mid-scale, a comment). */
    public static JsonObject acsiAnswers(int level) {
        var answers = Json.createObjectBuilder();
        for (String item : List.of("CE1", "CE2", "CE3", "PQ1", "PQ2", "PQ3", "PV1", "PV2", "SAT1", "SAT2", "SAT3",
                "CL1", "CL2")) {
            answers.add(item, level);
        }
        return answers.add("CC1", 0).add("NPS", Math.min(level, 10)).add("COMMENT", "fine, level " + level).build();
    }

    public static JsonObject submission(String id, String language, JsonObject answers) {
        return Json.createObjectBuilder().add("id", id).add("language", language).add("answers", answers).build();
    }

    public static JsonValue string(String s) {
        return Json.createValue(s);
    }
}

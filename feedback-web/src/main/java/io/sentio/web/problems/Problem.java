package io.sentio.web.problems;

import io.sentio.problems.entity.Violation;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem document. The type URIs are stable ({@code urn:sentio:problem:<slug>}); field errors
 * go in the {@code violations} extension as {@code {field, reason}} pairs.
 */
public record Problem(String slug, String title, int status, String detail, List<Violation> violations,
                      String correlationId) {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:sentio:problem:";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(slug, title, status, detail, List.of(), null);
    }

    public String toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", TYPE_PREFIX + slug)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (!violations.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            violations.forEach(v -> list.add(JSON.createObjectBuilder().add("field", v.field()).add("reason", v.reason())));
            json.add("violations", list);
        }
        if (correlationId != null) {
            json.add("correlationId", correlationId);
        }
        return json.build().toString();
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(toJson()).build();
    }
}

package io.sentio.web.health;

import io.sentio.storage.boundary.MongoStorage;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bson.Document;

/** Readiness: UP once the application is deployed and its store answers. */
@Path("health")
@RequestScoped
@PermitAll
public class HealthResource {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    MongoStorage storage;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        try {
            storage.database().runCommand(new Document("ping", 1));
            return Response.ok(status("UP")).build();
        } catch (RuntimeException e) {
            return Response.status(503).entity(status("DOWN")).build();
        }
    }

    private static JsonObject status(String status) {
        return JSON.createObjectBuilder().add("status", status).build();
    }
}

package io.sentio.web.health;

import com.mongodb.client.MongoDatabase;
import io.sentio.storage.boundary.MongoStorage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bson.Document;

/**
 * Readiness: UP once the application is deployed and its store answers (one {@code ping} per request).
 *
 * <p>Application-scoped and holding the database handle: load balancers call it often, and a bean created per
 * request and an EJB call to the storage bean per request showed in its profile.
 */
@Path("health")
@ApplicationScoped
@PermitAll
public class HealthResource {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    /** The two possible bodies, built once (JSON values are immutable). */
    private static final JsonObject UP = status("UP");
    private static final JsonObject DOWN = status("DOWN");

    @Inject
    MongoStorage storage;

    private MongoDatabase database;

    @PostConstruct
    void start() {
        database = storage.database();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        try {
            database.runCommand(new Document("ping", 1));
            return Response.ok(UP).build();
        } catch (RuntimeException e) {
            return Response.status(503).entity(DOWN).build();
        }
    }

    private static JsonObject status(String status) {
        return JSON.createObjectBuilder().add("status", status).build();
    }
}

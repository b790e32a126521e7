package io.sentio.web.responses;

import io.sentio.deployments.boundary.Deployments;
import io.sentio.responses.boundary.Responses;
import io.sentio.responses.entity.SubmitOutcome;
import io.sentio.responses.entity.Submission;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Respondents submitting answers. Public: an anonymous link needs no account, an invitation deployment
 * checks the token in the body. 201 when stored, 200 when the same submission was already stored.
 * Managers export the answers as CSV; the admin deletes a response.
 *
 * <p>Application-scoped, unlike the other resources: it is stateless and on the hottest path, where creating
 * and injecting a bean per request showed in the collection benchmark's profile.
 */
@Path("deployments/{id}/responses")
@ApplicationScoped
@PermitAll
public class ResponsesResource {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Responses responses;

    @Inject
    Deployments deployments;

    @Context
    UriInfo uri;

    /** Every response of the deployment as CSV for spreadsheets (formula-like cells neutralised). */
    @GET
    @RolesAllowed({"admin", "cx-manager"})
    @Produces("text/csv")
    public Response export(@PathParam("id") String deploymentId) {
        deployments.find(deploymentId); // an unknown deployment is a 404 before streaming starts
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            responses.exportCsv(deploymentId, writer);
            writer.flush();
        };
        return Response.ok(body).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"responses-" + deploymentId + ".csv\"").build();
    }

    /**
     * Deletes one response and its indexed comments: 204 once both are durable, also when it was already
     * deleted (so a client repeats the request after a failure); 404 for an unknown deployment.
     */
    @DELETE
    @Path("{responseId}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("id") String deploymentId, @PathParam("responseId") String responseId) {
        responses.delete(deploymentId, responseId);
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("id") String deploymentId, String body) {
        JsonObject json = JsonAnswers.object(body);
        Submission submission = new Submission(JsonAnswers.string(json, "id"), JsonAnswers.string(json, "language"),
                JsonAnswers.answers(json), JsonAnswers.string(json, "token"));
        SubmitOutcome outcome = responses.submit(deploymentId, submission);
        JsonObject receipt = JSON.createObjectBuilder()
                .add("id", submission.id())
                .add("deployment", deploymentId)
                .add("status", outcome == SubmitOutcome.CREATED ? "created" : "already-stored")
                .build();
        return Response.status(outcome == SubmitOutcome.CREATED ? 201 : 200)
                .location(uri.getAbsolutePathBuilder().path(submission.id()).build())
                .entity(receipt).build();
    }
}

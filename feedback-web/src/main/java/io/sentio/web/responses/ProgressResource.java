package io.sentio.web.responses;

import io.sentio.deployments.boundary.Deployments;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Save and resume: an invited respondent's answers so far, kept under the invitation token. */
@Path("deployments/{id}/progress")
@RequestScoped
@PermitAll
public class ProgressResource {

    @Inject
    Deployments deployments;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") String id, @QueryParam("t") String token, String body) {
        Map<String, Object> answers = JsonAnswers.answers(JsonAnswers.object(body));
        deployments.saveProgress(id, token, answers == null ? Map.of() : answers);
        return Response.noContent().build();
    }
}

package io.sentio.web.responses;

import io.sentio.deployments.boundary.Deployments;
import io.sentio.deployments.entity.RespondentForm;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.util.Map;

/**
 * What the respondent page reads and saves: the survey of an open deployment (only what a respondent needs
 * to see) and, for invitations, answers saved to resume later.
 */
@Path("deployments/{id}")
@RequestScoped
@PermitAll
public class RespondentResource {

    @Inject
    Deployments deployments;

    @GET
    @Path("form")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject form(@PathParam("id") String id, @QueryParam("t") String token) {
        RespondentForm form = deployments.form(id, token);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", form.deployment().id())
                .add("title", form.deployment().title())
                .add("touchpoint", form.deployment().touchpoint())
                .add("mode", form.deployment().mode().wire())
                .add("languages", Json.createArrayBuilder(form.deployment().languages()))
                .add("survey", Json.createReader(new StringReader(form.definition())).readValue());
        json.add("progress", form.progress().isEmpty() ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createObjectBuilder(form.progress()).build());
        return json.build();
    }

    @PUT
    @Path("progress")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveProgress(@PathParam("id") String id, @QueryParam("t") String token, String body) {
        Map<String, Object> answers = JsonAnswers.answers(JsonAnswers.object(body));
        deployments.saveProgress(id, token, answers == null ? Map.of() : answers);
        return Response.noContent().build();
    }
}

package io.sentio.web.responses;

import io.sentio.deployments.boundary.Deployments;
import io.sentio.deployments.entity.RespondentForm;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.StringReader;

/**
 * What the respondent page reads: the survey of an open deployment (only what a respondent needs to see)
 * and, for invitations, the answers saved earlier to resume.
 */
@Path("deployments/{id}/form")
@RequestScoped
@PermitAll
public class RespondentFormResource {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Deployments deployments;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject form(@PathParam("id") String id, @QueryParam("t") String token) {
        RespondentForm form = deployments.form(id, token);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", form.deployment().id())
                .add("title", form.deployment().title())
                .add("touchpoint", form.deployment().touchpoint())
                .add("mode", form.deployment().mode().wire())
                .add("languages", JSON.createArrayBuilder(form.deployment().languages()))
                .add("survey", JSON.createReader(new StringReader(form.definition())).readValue());
        json.add("progress", form.progress().isEmpty() ? JsonValue.EMPTY_JSON_OBJECT
                : JSON.createObjectBuilder(form.progress()).build());
        return json.build();
    }
}

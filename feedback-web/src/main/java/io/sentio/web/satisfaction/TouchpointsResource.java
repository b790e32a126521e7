package io.sentio.web.satisfaction;

import io.sentio.problems.entity.DomainException;
import io.sentio.satisfaction.boundary.Satisfaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Satisfaction per touchpoint: headline figures, the full report and trends (CX managers, executives). */
@Path("touchpoints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TouchpointsResource {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Satisfaction satisfaction;

    @GET
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public JsonArray list() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        satisfaction.touchpoints().forEach(s -> all.add(SatisfactionJson.summary(s)));
        return all.build();
    }

    @GET
    @Path("{touchpoint}/report")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public JsonObject report(@PathParam("touchpoint") String touchpoint, @QueryParam("from") String from,
                             @QueryParam("to") String to) {
        return SatisfactionJson.report(satisfaction.report(touchpoint, date("from", from), date("to", to)));
    }

    @GET
    @Path("{touchpoint}/trend")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public JsonObject trend(@PathParam("touchpoint") String touchpoint, @QueryParam("period") String period,
                            @QueryParam("from") String from, @QueryParam("to") String to) {
        return SatisfactionJson.trend(satisfaction.trend(touchpoint, period, date("from", from), date("to", to)));
    }

    /** An optional ISO date (YYYY-MM-DD); anything else is a 400 naming the parameter. */
    static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(parameter, "must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}

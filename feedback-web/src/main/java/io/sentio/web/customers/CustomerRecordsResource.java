package io.sentio.web.customers;

import io.sentio.customers.boundary.CustomerData;
import io.sentio.customers.control.ImportRun;
import io.sentio.customers.entity.RecordKind;
import io.sentio.problems.entity.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;

/**
 * Transactions, interactions and community activity, one at a time. {@code POST} carries the record's own id and
 * replaces any record with it: 201 when new, 200 when it replaced one (so re-sending changes nothing).
 */
@Path("{kind: transactions|interactions|community}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerRecordsResource {

    @Inject
    CustomerData customerData;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed({"admin", "cx-manager"})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("kind") String kind, JsonObject body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        RecordKind recordKind = kind(kind);
        boolean created = customerData.put(recordKind, null, ImportRun.plain(body));
        String id = body.getString("id");
        Map<String, Object> view = RecordView.of(customerData.find(recordKind, id));
        if (created) {
            return Response.created(uri.getBaseUriBuilder().path(kind).path(id).build()).entity(view).build();
        }
        return Response.ok(view).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public Map<String, Object> get(@PathParam("kind") String kind, @PathParam("id") String id) {
        return RecordView.of(customerData.find(kind(kind), id));
    }

    private static RecordKind kind(String kind) {
        return RecordKind.fromWire(kind).orElseThrow(() -> DomainException.notFound("no record kind " + kind));
    }
}

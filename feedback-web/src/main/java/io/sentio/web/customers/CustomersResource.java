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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * Customer profiles, one at a time: {@code PUT} replaces the profile with that id (idempotent); {@code DELETE}
 * erases the customer with everything linked to them (idempotent).
 */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    @Inject
    CustomerData customerData;

    @PUT
    @Path("{id}")
    @RolesAllowed({"admin", "cx-manager"})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, JsonObject body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        boolean created = customerData.put(RecordKind.CUSTOMERS, id, ImportRun.plain(body));
        Map<String, Object> view = RecordView.of(customerData.find(RecordKind.CUSTOMERS, id));
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    /**
     * Erasure: deletes the customer's profile, records, linked survey responses and indexed comments. 204 once
     * done, also for an unknown or already erased customer (repeat it after a failure).
     */
    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public Response erase(@PathParam("id") String id) {
        customerData.erase(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public Map<String, Object> get(@PathParam("id") String id) {
        return RecordView.of(customerData.find(RecordKind.CUSTOMERS, id));
    }
}

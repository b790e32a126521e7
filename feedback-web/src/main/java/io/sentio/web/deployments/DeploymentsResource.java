package io.sentio.web.deployments;

import io.sentio.deployments.boundary.Deployments;
import io.sentio.deployments.entity.Deployment;
import io.sentio.deployments.entity.IssuedInvitation;
import io.sentio.deployments.entity.NewDeployment;
import io.sentio.problems.entity.DomainException;
import io.sentio.responses.boundary.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Deploying surveys to touchpoints (CX managers and admins) and following them (also executives). */
@Path("deployments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentsResource {

    /**
     * A deployment request; null fields take defaults (channel link, mode anonymous, all languages, the
     * template's title, no extra questions). {@code extraQuestions} is a JSON array of SurveyJS questions.
     */
    public record DeploymentRequest(String template, String title, String touchpoint, String channel, String mode,
                                    List<String> languages, Instant opensAt, Instant closesAt,
                                    JsonValue extraQuestions) {
    }

    /** Invitations to create: one per customer reference, or {@code count} anonymous ones. */
    public record InvitationRequest(List<String> customers, Integer count, Integer validDays) {
    }

    /** A created invitation: the token and link appear only in this response. */
    public record InvitationView(String token, String customer, Instant expiresAt, String link) {
    }

    @Inject
    Deployments deployments;

    @Inject
    Responses responses;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed({"admin", "cx-manager"})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(DeploymentRequest request) {
        if (request == null) {
            throw DomainException.invalid("body", "is required");
        }
        Deployment created = deployments.create(new NewDeployment(request.template(), request.title(),
                request.touchpoint(), request.channel(), request.mode(), request.languages(), request.opensAt(),
                request.closesAt(), json(request.extraQuestions())));
        URI location = uri.getBaseUriBuilder().path("deployments").path(created.id()).build();
        return Response.created(location).entity(DeploymentView.from(created, root(), 0)).build();
    }

    @GET
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public List<DeploymentView> list() {
        return deployments.all().stream().map(d -> DeploymentView.from(d, root(), responses.countFor(d.id()))).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public DeploymentView get(@PathParam("id") String id) {
        Deployment deployment = deployments.find(id);
        return DeploymentView.from(deployment, root(), responses.countFor(id));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({"admin", "cx-manager"})
    public DeploymentView close(@PathParam("id") String id) {
        Deployment closed = deployments.close(id);
        return DeploymentView.from(closed, root(), responses.countFor(id));
    }

    @POST
    @Path("{id}/invitations")
    @RolesAllowed({"admin", "cx-manager"})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("id") String id, InvitationRequest request) {
        if (request == null) {
            throw DomainException.invalid("body", "is required");
        }
        int days = request.validDays() == null ? 30 : request.validDays();
        int count = request.count() == null ? 0 : request.count();
        List<IssuedInvitation> issued = deployments.invite(id, request.customers(), count, Duration.ofDays(days));
        String link = DeploymentView.respondentLink(root(), id);
        List<InvitationView> views = issued.stream()
                .map(i -> new InvitationView(i.token(), i.customer(), i.expiresAt(), link + "&t=" + i.token()))
                .toList();
        return Response.status(Response.Status.CREATED).entity(views).build();
    }

    private static String json(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
    }

    private URI root() {
        return uri.getBaseUri().resolve("/");
    }
}

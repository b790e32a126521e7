package io.sentio.web.access;

import io.sentio.access.boundary.Access;
import io.sentio.access.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Arrays;
import java.util.List;

/** Browser sign-in: exchanges a user name and password for an HttpOnly, SameSite=Strict session cookie. */
@Path("session")
@RequestScoped
public class SessionResource {

    /** Sign-in form fields. */
    public record SignIn(String user, String password) {
    }

    /** Who is signed in. */
    public record Whoami(String user, List<String> roles) {
    }

    @Inject
    Access access;

    @Context
    HttpServletRequest request;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignIn form) {
        String user = form == null || form.user() == null ? "" : form.user();
        String password = form == null || form.password() == null ? "" : form.password();
        String token = access.signIn(user, password);
        return Response.noContent().cookie(cookie(token, 8 * 3600)).build();
    }

    @GET
    @RolesAllowed({"admin", "cx-manager", "executive"})
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami whoami(@Context SecurityContext security) {
        List<String> roles = Arrays.stream(Role.values()).map(Role::wire).filter(security::isUserInRole).toList();
        return new Whoami(security.getUserPrincipal().getName(), roles);
    }

    @DELETE
    @PermitAll
    public Response signOut() {
        AuthenticationFilter.sessionToken(request).ifPresent(access::signOut);
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(AuthenticationFilter.SESSION_COOKIE)
                .value(value).path("/").maxAge(maxAge).httpOnly(true).secure(request.isSecure())
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}

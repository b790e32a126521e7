package io.sentio.web.access;

import io.sentio.web.problems.Problem;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed}/{@code @PermitAll} on every resource method (method annotation first,
 * then class). A method with neither is denied to everyone: a forgotten annotation fails closed.
 * No caller → 401 with a Basic challenge; a caller without the role → 403.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        List<String> roles = rolesFor(resource);
        if (roles == null) {
            return;
        }
        context.register(new Filter(roles));
    }

    /** @return null when everyone may call, the allowed roles otherwise (empty: nobody) */
    static List<String> rolesFor(ResourceInfo resource) {
        for (AnnotatedElement element : List.<AnnotatedElement>of(resource.getResourceMethod(), resource.getResourceClass())) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return List.of();
            }
            if (element.isAnnotationPresent(PermitAll.class)) {
                return null;
            }
            RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
            if (allowed != null) {
                return Arrays.asList(allowed.value());
            }
        }
        return List.of();
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Filter implements ContainerRequestFilter {
        private final List<String> roles;

        Filter(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                var unauthorized = jakarta.ws.rs.core.Response.fromResponse(Problem.of(401, "unauthorized",
                        "Authentication required", "sign in or send HTTP Basic credentials").toResponse());
                // Sentio's pages show their own sign-in form; a challenge would make the browser pop up a dialog.
                if (request.getHeaderString(AuthenticationFilter.CSRF_HEADER) == null) {
                    unauthorized.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sentio\", charset=\"UTF-8\"");
                }
                request.abortWith(unauthorized.build());
                return;
            }
            if (roles.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(Problem.of(403, "forbidden", "Not allowed",
                        "this needs one of the roles " + roles).toResponse());
            }
        }
    }
}

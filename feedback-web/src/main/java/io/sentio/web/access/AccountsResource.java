package io.sentio.web.access;

import io.sentio.access.boundary.Access;
import io.sentio.access.entity.Account;
import io.sentio.access.entity.Role;
import io.sentio.problems.entity.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Staff accounts and their roles: administrators only. */
@Path("users")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    /** An account to create or replace. */
    public record AccountRequest(String password, List<String> roles) {
    }

    /** An account as shown (never its password). */
    public record AccountView(String name, List<String> roles) {
        static AccountView from(Account account) {
            return new AccountView(account.name(), account.roles().stream().map(Role::wire).sorted().toList());
        }
    }

    @Inject
    Access access;

    @GET
    public List<AccountView> list() {
        return access.accounts().stream().map(AccountView::from).toList();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView save(@PathParam("name") String name, AccountRequest request) {
        if (request == null) {
            throw DomainException.invalid("body", "is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> requested = request.roles() == null ? List.of() : request.roles();
        for (int i = 0; i < requested.size(); i++) {
            int index = i;
            roles.add(Role.fromWire(requested.get(i)).orElseThrow(
                    () -> DomainException.invalid("roles[" + index + "]", "must be admin, cx-manager or executive")));
        }
        return AccountView.from(access.saveAccount(name, request.password(), roles));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        access.deleteAccount(name);
        return Response.noContent().build();
    }
}

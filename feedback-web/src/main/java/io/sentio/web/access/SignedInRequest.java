package io.sentio.web.access;

import io.sentio.access.entity.Account;
import io.sentio.access.entity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.security.Principal;

/**
 * A request carrying the signed-in account, so that JAX-RS's {@code SecurityContext} and anything else
 * asking the servlet API see who it is. An admin holds every role.
 */
final class SignedInRequest extends HttpServletRequestWrapper {

    private final Account account;
    private final String authType;

    SignedInRequest(HttpServletRequest request, Account account, String authType) {
        super(request);
        this.account = account;
        this.authType = authType;
    }

    @Override
    public Principal getUserPrincipal() {
        return account::name;
    }

    @Override
    public String getRemoteUser() {
        return account.name();
    }

    @Override
    public String getAuthType() {
        return authType;
    }

    @Override
    public boolean isUserInRole(String role) {
        return account.has(Role.ADMIN) || Role.fromWire(role).map(account::has).orElse(false);
    }
}

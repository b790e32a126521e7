package io.sentio.web.access;

import io.sentio.access.boundary.Access;
import io.sentio.access.entity.Account;
import io.sentio.web.problems.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Establishes who is calling: HTTP Basic credentials (API clients) or the session cookie set by the sign-in
 * page (browsers). Wrong Basic credentials are refused here with 401; whether the caller may use an
 * endpoint is decided by {@link RoleCheck}. Dashboard pages send an anonymous browser to the sign-in page.
 *
 * <p>Cookie-authenticated requests that change state must carry {@value #CSRF_HEADER}: a header a foreign
 * site cannot make a browser send without a CORS pre-flight, which Sentio never grants.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AuthenticationFilter extends HttpFilter {

    public static final String SESSION_COOKIE = "sentio_session";
    public static final String CSRF_HEADER = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Access access;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<Account> account = basic(authorization.substring(6).trim());
            if (account.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"sentio\", charset=\"UTF-8\"");
                send(response, Problem.of(401, "unauthorized", "Authentication required", "wrong user name or password"));
                return;
            }
            chain.doFilter(new SignedInRequest(request, account.get(), "BASIC"), response);
            return;
        }
        Optional<Account> account = sessionToken(request).flatMap(access::session);
        if (account.isPresent()) {
            if (!SAFE_METHODS.contains(request.getMethod()) && request.getHeader(CSRF_HEADER) == null) {
                send(response, Problem.of(403, "forbidden", "Not allowed",
                        "requests signed in by cookie must send the " + CSRF_HEADER + " header"));
                return;
            }
            chain.doFilter(new SignedInRequest(request, account.get(), "FORM"), response);
            return;
        }
        if (request.getServletPath().startsWith("/admin/") || request.getServletPath().equals("/admin")) {
            String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + "/login.html?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<Account> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || decoded.length() > 1024) {
            return Optional.empty();
        }
        return access.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    static Optional<String> sessionToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static void send(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.toJson());
    }
}

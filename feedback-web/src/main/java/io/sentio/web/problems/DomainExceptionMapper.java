package io.sentio.web.problems;

import io.sentio.problems.entity.DomainException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A business rule's refusal, as a problem document with the kind's status. A 401 carries a Basic challenge
 * for API clients, but not for requests from Sentio's pages, which show their own sign-in form.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    /** Requests from Sentio's own pages: a Basic challenge would make the browser pop up its own dialog. */
    static final String PAGE_REQUEST_HEADER = io.sentio.web.access.AuthenticationFilter.CSRF_HEADER;

    @Context
    HttpHeaders request;

    @Override
    public Response toResponse(DomainException e) {
        DomainException.Kind kind = e.kind();
        Response response = new Problem(kind.slug(), kind.title(), kind.status(), e.getMessage(), e.violations(), null)
                .toResponse();
        if (kind == DomainException.Kind.UNAUTHORIZED
                && (request == null || request.getHeaderString(PAGE_REQUEST_HEADER) == null)) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sentio\"").build();
        }
        return response;
    }
}

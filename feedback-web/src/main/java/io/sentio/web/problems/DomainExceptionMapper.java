package io.sentio.web.problems;

import io.sentio.problems.entity.DomainException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A business rule's refusal, as a problem document with the kind's status. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        DomainException.Kind kind = e.kind();
        Response response = new Problem(kind.slug(), kind.title(), kind.status(), e.getMessage(), e.violations(), null)
                .toResponse();
        if (kind == DomainException.Kind.UNAUTHORIZED) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sentio\"").build();
        }
        return response;
    }
}

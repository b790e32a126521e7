package io.sentio.web.problems;

import io.sentio.problems.entity.DomainException;
import io.sentio.satisfaction.boundary.Satisfaction;
import io.sentio.satisfaction.entity.InvalidModelException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A path model, data set or statistics setting the satisfaction rules refuse: 400 naming the field. */
@Provider
public class InvalidModelMapper implements ExceptionMapper<InvalidModelException> {

    @Override
    public Response toResponse(InvalidModelException e) {
        DomainException d = Satisfaction.invalid(e);
        return new Problem(d.kind().slug(), d.kind().title(), d.kind().status(), d.getMessage(), d.violations(), null)
                .toResponse();
    }
}

package io.sentio.web.problems;

import io.sentio.problems.entity.DomainException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;

/**
 * Anything else is a bug or an outage: 500 with a correlation id that is logged once with the stack trace,
 * so an operator can find it without the client seeing internals. EJB-wrapped refusals are unwrapped first.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return new DomainExceptionMapper().toResponse(domain);
            }
            if (t instanceof WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponse(web);
            }
            if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
                return UnreadableBodyMapper.problem(t).toResponse();
            }
            if (!(t instanceof EJBException)) {
                break;
            }
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure " + correlationId, e);
        return new Problem("internal-error", "Internal error", 500,
                "Something went wrong on our side; quote the correlation id to the operator.",
                java.util.List.of(), correlationId).toResponse();
    }
}

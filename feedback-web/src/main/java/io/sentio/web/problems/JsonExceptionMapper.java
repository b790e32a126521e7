package io.sentio.web.problems;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that JSON-P cannot read as the JSON the endpoint takes (malformed, empty, an array where an object
 * is expected): 400, never a 500. Resources that take a {@code JsonObject} meet these before any rule runs.
 */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException e) {
        return UnreadableBodyMapper.problem(e).toResponse();
    }
}

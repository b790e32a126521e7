package io.sentio.web.problems;

import io.sentio.problems.entity.Violation;
import io.sentio.surveys.entity.InvalidAnswersException;
import io.sentio.surveys.entity.InvalidSurveyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** A survey definition or answers the survey rules refuse: 400 with every violation. */
@Provider
public class InvalidSurveyMapper implements ExceptionMapper<InvalidSurveyException> {

    @Override
    public Response toResponse(InvalidSurveyException e) {
        List<Violation> violations = e instanceof InvalidAnswersException answers
                ? answers.violations().stream().map(v -> new Violation(v.field(), v.reason())).toList()
                : List.of();
        return new Problem("invalid-input", "The request is invalid", 400, e.getMessage(), violations, null)
                .toResponse();
    }
}

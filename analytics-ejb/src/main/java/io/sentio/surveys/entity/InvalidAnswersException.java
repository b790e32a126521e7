package io.sentio.surveys.entity;

import jakarta.ejb.ApplicationException;

import java.util.List;
import java.util.stream.Collectors;

/** Answers that break their survey's rules; carries every violation, not only the first. */
@ApplicationException(rollback = true)
public class InvalidAnswersException extends InvalidSurveyException {

    private static final long serialVersionUID = 1L;

    /** Serializable: List.copyOf of records of strings. */
    private final List<AnswerViolation> violations;

    public InvalidAnswersException(List<AnswerViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    /** The violations, in the order they were found; never empty. */
    public List<AnswerViolation> violations() {
        return violations;
    }

    private static String summary(List<AnswerViolation> violations) {
        if (violations == null || violations.isEmpty()) {
            throw new IllegalArgumentException("violations: at least one is needed to reject answers");
        }
        return violations.size() + " invalid answer(s): "
                + violations.stream().limit(10).map(v -> v.field() + ": " + v.reason()).collect(Collectors.joining("; "))
                + (violations.size() > 10 ? "; ..." : "");
    }
}

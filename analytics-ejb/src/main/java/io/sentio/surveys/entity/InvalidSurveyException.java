package io.sentio.surveys.entity;

import jakarta.ejb.ApplicationException;

/**
 * Bad input to the surveys component: an invalid template or extra question, an unknown template,
 * a record built with values that break its invariants. The message names the field and the reason;
 * the web layer answers 400 with it.
 */
@ApplicationException(rollback = true)
public class InvalidSurveyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSurveyException(String message) {
        super(message);
    }

    public InvalidSurveyException(String message, Throwable cause) {
        super(message, cause);
    }
}

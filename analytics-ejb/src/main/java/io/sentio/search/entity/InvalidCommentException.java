package io.sentio.search.entity;

/** A comment that cannot be indexed as given; the message names the field and the reason. */
public class InvalidCommentException extends IllegalArgumentException {

    public InvalidCommentException(String message) {
        super(message);
    }
}

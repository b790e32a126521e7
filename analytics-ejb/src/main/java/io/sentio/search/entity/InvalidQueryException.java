package io.sentio.search.entity;

/**
 * A search request that cannot be answered as asked: malformed or hostile query text, an out-of-range
 * filter or page size, or a cursor that was altered or belongs to another query. The message names the
 * parameter ({@code q}, {@code size}, {@code after}, ...) and the reason, so it can be shown to the caller.
 */
public class InvalidQueryException extends IllegalArgumentException {

    public InvalidQueryException(String message) {
        super(message);
    }

    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}

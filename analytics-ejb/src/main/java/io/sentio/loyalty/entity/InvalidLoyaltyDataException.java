package io.sentio.loyalty.entity;

import java.util.Optional;

/**
 * Bad loyalty input: a customer summary, a file cell or a model parameter that violates its invariant.
 * Carries, when known, the 1-based line number and the column (or field) name so that the web layer can report
 * "what and where" in a problem+json response.
 */
public class InvalidLoyaltyDataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final String column;

    public InvalidLoyaltyDataException(String message) {
        this(message, 0, null);
    }

    /**
     * @param line   1-based line number in the input, or 0 when not applicable
     * @param column column or field name, or {@code null} when not applicable
     */
    public InvalidLoyaltyDataException(String message, long line, String column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the offending input, when the input was a file. */
    public Optional<Long> line() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    /** Offending column or field name, when known. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}

package io.sentio.customers.entity;

/** Why one row of an import file was not imported; {@code line} is 1-based (the CSV header is line 1). */
public record ImportError(long line, String reason) {
    public ImportError {
        if (line < 0 || reason == null) {
            throw new IllegalArgumentException("an import error needs a line >= 0 and a reason");
        }
    }
}

package io.sentio.satisfaction.entity;

/** A labelled period (e.g. "2025-03", "2025-W09") with its statistics. */
public record Period<T>(String label, T value) {

    public Period {
        if (label == null || label.isBlank() || value == null) {
            throw new InvalidModelException("period: needs a label and a value");
        }
    }
}

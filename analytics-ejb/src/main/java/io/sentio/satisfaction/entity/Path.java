package io.sentio.satisfaction.entity;

/** A directed inner path {@code from → to} between two constructs. */
public record Path(String from, String to) {

    public Path {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw new InvalidModelException("paths: a path needs both 'from' and 'to'");
        }
        if (from.equals(to)) {
            throw new InvalidModelException("paths: " + from + "->" + to + " is a self-loop");
        }
    }

    @Override
    public String toString() {
        return from + "->" + to;
    }
}

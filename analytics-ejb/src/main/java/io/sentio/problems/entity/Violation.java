package io.sentio.problems.entity;

import java.util.Objects;

/** One field that broke a rule, and the rule in words a client developer can act on. */
public record Violation(String field, String reason) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}

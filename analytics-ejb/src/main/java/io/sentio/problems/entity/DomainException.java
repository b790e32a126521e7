package io.sentio.problems.entity;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * A request that a business rule refuses. Unchecked and an application exception so that it reaches the
 * web layer unwrapped; nothing has been written when it is thrown.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    /** What kind of refusal: decides the HTTP status and the problem type. */
    public enum Kind {
        INVALID(400, "invalid-input", "The request is invalid"),
        UNAUTHORIZED(401, "unauthorized", "Authentication required"),
        FORBIDDEN(403, "forbidden", "Not allowed"),
        NOT_FOUND(404, "not-found", "Not found"),
        CONFLICT(409, "conflict", "Conflict with the current state"),
        GONE(410, "gone", "No longer available"),
        TOO_LARGE(413, "too-large", "Request too large");

        private final int status;
        private final String slug;
        private final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }

        public int status() {
            return status;
        }

        /** Stable last segment of the problem type URI. */
        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final List<Violation> violations;

    public DomainException(Kind kind, String detail, List<Violation> violations) {
        super(detail);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public static DomainException invalid(String detail, List<Violation> violations) {
        return new DomainException(Kind.INVALID, detail, violations);
    }

    public static DomainException invalid(String field, String reason) {
        return new DomainException(Kind.INVALID, field + ": " + reason, List.of(new Violation(field, reason)));
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Kind.NOT_FOUND, detail, List.of());
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Kind.CONFLICT, detail, List.of());
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(Kind.FORBIDDEN, detail, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }
}

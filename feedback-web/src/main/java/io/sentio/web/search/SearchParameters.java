package io.sentio.web.search;

import io.sentio.problems.entity.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parsing of query parameters shared by the search resources: bad values become 400 problems naming the
 * parameter. Dates are ISO-8601 instants ({@code 2026-03-01T12:00:00Z}) or days ({@code 2026-03-01}, UTC);
 * {@code from} is inclusive, {@code to} exclusive, and a day given as {@code to} includes that day.
 */
final class SearchParameters {

    private SearchParameters() {
    }

    static Instant from(String value) {
        return instant("from", value, false);
    }

    static Instant to(String value) {
        return instant("to", value, true);
    }

    static int size(String value, int defaultSize, int max) {
        if (value == null || value.isBlank()) {
            return defaultSize;
        }
        try {
            int size = Integer.parseInt(value.trim());
            if (size < 1 || size > max) {
                throw DomainException.invalid("size", size + " is outside 1.." + max);
            }
            return size;
        } catch (NumberFormatException e) {
            throw DomainException.invalid("size", "must be a whole number in 1.." + max);
        }
    }

    static void period(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw DomainException.invalid("from", "must be before to");
        }
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > 40) {
            throw DomainException.invalid(name, "is not an ISO-8601 date or instant");
        }
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "'" + v + "' is not an ISO-8601 date (2026-03-01) or instant (2026-03-01T12:00:00Z)");
        }
    }
}

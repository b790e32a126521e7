package io.sentio.customers.control;

import io.sentio.customers.entity.CustomerRecord;
import io.sentio.customers.entity.RecordKind;
import io.sentio.problems.entity.DomainException;
import io.sentio.problems.entity.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RecordValidatorTest {

    @Test
    void aValidTransactionIsTyped() {
        CustomerRecord record = RecordValidator.validate(RecordKind.TRANSACTIONS, null,
                Map.of("id", "t1", "customer", "c1", "date", "1997-01-01", "amount", "29.33", "touchpoint", "web"));
        assertThat(record.id()).isEqualTo("t1");
        assertThat(record.fields()).containsEntry("amount", 29.33)
                .containsEntry("date", Instant.parse("1997-01-01T00:00:00Z")).containsEntry("customer", "c1");
    }

    @Test
    void everyFieldErrorIsReportedAtOnce() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("amount", "ten");
        raw.put("date", "2025-13-01");
        raw.put("colour", "red");
        raw.put("$set", "x");
        raw.put("a.b", "y");
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> RecordValidator.validate(RecordKind.TRANSACTIONS, null, raw));
        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
        assertThat(e.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("id", "amount", "date", "colour", "$set", "a.b", "customer");
    }

    @Test
    void attributesRefuseOperatorKeysAndNestedValues() {
        DomainException e = catchThrowableOfType(DomainException.class, () -> RecordValidator.validate(
                RecordKind.CUSTOMERS, "c1", Map.of("attributes", Map.of("$gt", "1", "x.y", "2", "deep", Map.of()))));
        assertThat(e.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("attributes.$gt", "attributes.x.y", "attributes.deep");
    }

    @Test
    void numbersAndEnumsAreChecked() {
        DomainException e = catchThrowableOfType(DomainException.class, () -> RecordValidator.validate(
                RecordKind.INTERACTIONS, null, Map.of("id", "i1", "customer", "c", "touchpoint", "t", "channel",
                        "phone", "type", "call", "durationSeconds", new BigDecimal("1.5"), "date", "2025-01-01")));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("durationSeconds");
        DomainException kind = catchThrowableOfType(DomainException.class, () -> RecordValidator.validate(
                RecordKind.COMMUNITY, null, Map.of("id", "p", "customer", "c", "kind", "shout", "date", "2025-01-01")));
        assertThat(kind.violations()).extracting(Violation::field).containsExactly("kind");
        DomainException negative = catchThrowableOfType(DomainException.class, () -> RecordValidator.validate(
                RecordKind.TRANSACTIONS, null, Map.of("id", "t", "customer", "c", "amount", -1, "date", "2025-01-01")));
        assertThat(negative.violations()).extracting(Violation::field).containsExactly("amount");
    }

    @Test
    void thePathIdMustAgreeWithTheBody() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> RecordValidator.validate(RecordKind.CUSTOMERS, "c1", Map.of("id", "c2")));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("id");
        assertThat(RecordValidator.validate(RecordKind.CUSTOMERS, "c1", Map.of("id", "c1")).id()).isEqualTo("c1");
    }

    @Test
    void dateTimesWithOffsetsAreInstants() {
        CustomerRecord r = RecordValidator.validate(RecordKind.COMMUNITY, null,
                Map.of("id", "p", "customer", "c", "kind", "read", "date", "2025-03-03T10:00:00+02:00"));
        assertThat(r.fields().get("date")).isEqualTo(Instant.parse("2025-03-03T08:00:00Z"));
    }
}

package io.sentio.web.customers;

import io.sentio.customers.entity.CustomerRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored record as JSON: {@code id} first, then its fields; dates as ISO-8601 instants. */
final class RecordView {

    private RecordView() {
    }

    static Map<String, Object> of(CustomerRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", record.id());
        record.fields().forEach((name, value) -> view.put(name, value instanceof Instant i ? i.toString() : value));
        return view;
    }
}

package io.sentio.customers.entity;

import java.util.List;

/**
 * Fired (synchronously, after the write is durable) with the ids of customer records that were created or
 * replaced, by a single write or by one import batch, so that derived data (the comment index) can read
 * exactly those records by primary key instead of scanning. An in-memory hint: lost on a crash, which is
 * why every record also carries its {@code storedAt} stamp for catch-up. Observers must be quick and must
 * not fail.
 */
public record RecordsStored(RecordKind kind, List<String> ids) {

    public RecordsStored {
        ids = List.copyOf(ids);
    }
}

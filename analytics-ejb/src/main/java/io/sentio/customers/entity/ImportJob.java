package io.sentio.customers.entity;

import java.time.Instant;
import java.util.List;

/**
 * The state of a bulk import: {@code queued} → {@code running} → {@code done} (every row read; bad rows are in
 * {@code errors}) or {@code failed} (the file could not be read on: {@code failure} says why; rows before it are
 * imported). {@code rowsTotal} is known once the job is finished. {@code errors} holds the first
 * {@link #MAX_ERRORS} row errors, {@code errorCount} all of them. {@code imported} counts records written new;
 * rows whose id already existed are {@code unchanged}.
 */
public record ImportJob(String id, RecordKind kind, String format, String state, long rowsDone, Long rowsTotal,
                        long imported, long unchanged, List<ImportError> errors, long errorCount, String failure,
                        Instant createdAt, Instant finishedAt) {

    public static final int MAX_ERRORS = 100;

    public ImportJob {
        if (id == null || kind == null || format == null || state == null || createdAt == null) {
            throw new IllegalArgumentException("an import job needs id, kind, format, state and creation time");
        }
        if (rowsDone < 0 || imported < 0 || unchanged < 0 || errorCount < 0) {
            throw new IllegalArgumentException("import counts must be >= 0");
        }
        errors = List.copyOf(errors);
    }
}

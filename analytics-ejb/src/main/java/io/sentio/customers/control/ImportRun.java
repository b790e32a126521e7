package io.sentio.customers.control;

import io.sentio.customers.entity.CustomerRecord;
import io.sentio.customers.entity.ImportError;
import io.sentio.customers.entity.ImportJob;
import io.sentio.customers.entity.RecordKind;
import io.sentio.problems.entity.DomainException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Reads one import file row by row (CSV with a header row, or NDJSON: one JSON object per line), validates each
 * row with {@link RecordValidator} and hands valid records to a writer in batches of {@link #BATCH} documents.
 *
 * <p>Memory is constant in the file size: one batch of records, the first {@link ImportJob#MAX_ERRORS} errors,
 * and one row (an NDJSON line is bounded by {@link #MAX_LINE} characters). A bad row is reported with its line
 * number and reason and the rest goes on; a file that cannot be parsed on (unterminated quote) ends the run as
 * failed after writing the rows before it. Each record is one document write, so no record is half-written.
 *
 * <p>CSV: the header names the fields; for customers, columns that are not customer fields become
 * {@code attributes} (string values). Empty cells are absent fields. A leading UTF-8 BOM is skipped.
 *
 * <p>Pipelined: while one batch is being written (on the {@code writes} executor), the next one is parsed and
 * validated; at most one batch is in flight, so memory stays two batches. Writes keep the file's order.
 *
 * <p>Not thread-safe: one run per file, on one thread; counters may be read from other threads (volatile).
 */
public final class ImportRun {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Documents per insertMany: large enough to amortise the round trip, far below the 16 MB command limit. */
    public static final int BATCH = 1_000;
    /** Longest NDJSON line accepted (characters). */
    public static final int MAX_LINE = 1 << 20;

    private final RecordKind kind;
    private final String format;
    private final Function<List<CustomerRecord>, Integer> writer;
    private final Runnable afterBatch;
    private final Executor writes;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    private final List<ImportError> errors = new ArrayList<>();
    private final List<CustomerRecord> batch = new ArrayList<>(BATCH);
    private volatile long rowsDone;
    private volatile long imported;
    private volatile long unchanged;
    private volatile long errorCount;
    private volatile String failure;

    /** A run that writes each batch on the reading thread. */
    public ImportRun(RecordKind kind, String format, Function<List<CustomerRecord>, Integer> writer,
                     Runnable afterBatch) {
        this(kind, format, writer, afterBatch, Runnable::run);
    }

    /**
     * @param writer writes a batch, returns how many records were new (the others already existed)
     * @param afterBatch called on the reading thread after each batch is written (progress reporting)
     * @param writes where batches are written, overlapping with reading the next one
     */
    public ImportRun(RecordKind kind, String format, Function<List<CustomerRecord>, Integer> writer,
                     Runnable afterBatch, Executor writes) {
        if (!format.equals("csv") && !format.equals("ndjson")) {
            throw DomainException.invalid("format", "must be csv or ndjson");
        }
        this.kind = kind;
        this.format = format;
        this.writer = writer;
        this.afterBatch = afterBatch;
        this.writes = writes;
    }

    /**
     * Reads the whole file; returns normally also when it failed part-way ({@link #failure()} says why). Returns
     * only after every batch was written.
     *
     * @throws RuntimeException what the writer threw (the batches before it are written)
     */
    public void run(Reader input) {
        try {
            try {
                Reader reader = skipBom(input);
                if (format.equals("csv")) {
                    csv(reader);
                } else {
                    ndjson(reader);
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                failure = "the file could not be read on after line " + (rowsDone + (format.equals("csv") ? 1 : 0))
                        + ": " + e.getMessage();
            }
            flush();
        } finally {
            awaitWritten();
        }
        afterBatch.run();
    }

    private void csv(Reader reader) throws IOException {
        CSVFormat csvFormat = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(false).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csvFormat).get()) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = new ArrayList<>();
            if (!header.contains("id")) {
                missing.add("id");
            }
            kind.fields().stream().filter(RecordKind.Field::required).map(RecordKind.Field::name)
                    .filter(f -> !header.contains(f)).forEach(missing::add);
            if (!missing.isEmpty()) {
                failure = "line 1: the header lacks the column(s) " + String.join(", ", missing);
                return;
            }
            if (kind != RecordKind.CUSTOMERS) {
                List<String> unknown = header.stream().filter(h -> !h.equals("id") && kind.field(h).isEmpty()).toList();
                if (!unknown.isEmpty()) {
                    failure = "line 1: unknown column(s) " + String.join(", ", unknown) + " for " + kind.wire();
                    return;
                }
            }
            Iterator<CSVRecord> rows = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                if (!rows.hasNext()) {
                    break;
                }
                CSVRecord row = rows.next();
                if (row.size() != header.size()) {
                    rejected(line, "has " + row.size() + " cells, the header has " + header.size());
                    continue;
                }
                Map<String, Object> raw = new LinkedHashMap<>();
                Map<String, Object> attributes = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String name = header.get(i);
                    String value = row.get(i);
                    if (kind == RecordKind.CUSTOMERS && !name.equals("id") && kind.field(name).isEmpty()) {
                        if (!value.isEmpty()) {
                            attributes.put(name, value);
                        }
                    } else {
                        raw.put(name, value);
                    }
                }
                if (!attributes.isEmpty()) {
                    raw.put("attributes", attributes);
                }
                accept(line, raw);
            }
        }
    }

    private void ndjson(Reader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        long number = 0;
        while (true) {
            line.setLength(0);
            boolean tooLong = false;
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (line.length() < MAX_LINE) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c == -1 && line.isEmpty()) {
                return;
            }
            number++;
            if (tooLong) {
                rejected(number, "is longer than " + MAX_LINE + " characters");
            } else if (!line.toString().isBlank()) {
                Map<String, Object> raw;
                try (var json = JSON.createReader(new StringReader(line.toString()))) {
                    raw = plain(json.readObject());
                } catch (jakarta.json.JsonException | ClassCastException e) {
                    rejected(number, "is not a JSON object: " + e.getMessage());
                    continue;
                }
                accept(number, raw);
            }
            if (c == -1) {
                return;
            }
        }
    }

    /** JSON-P values as the validator's plain Java values (String, BigDecimal, Boolean, Map, null). */
    public static Map<String, Object> plain(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((k, v) -> map.put(k, plain(v)));
        return map;
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case OBJECT -> plain(value.asJsonObject());
            case ARRAY -> value.asJsonArray();
        };
    }

    private void accept(long line, Map<String, Object> raw) {
        try {
            batch.add(RecordValidator.validate(kind, null, raw));
            rowsDone++;
        } catch (DomainException e) {
            rejected(line, RecordValidator.describe(e.violations()));
            return;
        }
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void rejected(long line, String reason) {
        rowsDone++;
        errorCount++;
        if (errors.size() < ImportJob.MAX_ERRORS) {
            errors.add(new ImportError(line, reason));
        }
    }

    /** Hands the batch to the writer once the previous one is written. */
    private void flush() {
        awaitWritten();
        afterBatch.run();
        if (!batch.isEmpty()) {
            List<CustomerRecord> records = List.copyOf(batch);
            batch.clear();
            inFlight = CompletableFuture.runAsync(() -> {
                int inserted = writer.apply(records);
                imported += inserted;
                unchanged += records.size() - inserted;
            }, writes);
        }
    }

    private void awaitWritten() {
        try {
            inFlight.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static Reader skipBom(Reader input) throws IOException {
        PushbackReader reader = new PushbackReader(input, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    public long rowsDone() {
        return rowsDone;
    }

    public long imported() {
        return imported;
    }

    public long unchanged() {
        return unchanged;
    }

    public long errorCount() {
        return errorCount;
    }

    /** A copy of the first {@link ImportJob#MAX_ERRORS} row errors. */
    public List<ImportError> errors() {
        return List.copyOf(errors);
    }

    /** Why the file could not be read to its end, or null. */
    public String failure() {
        return failure;
    }
}

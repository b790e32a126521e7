package io.sentio.customers.boundary;

import io.sentio.customers.control.ImportJobStore;
import io.sentio.customers.control.ImportRun;
import io.sentio.customers.control.RecordStore;
import io.sentio.customers.control.RecordValidator;
import io.sentio.customers.entity.CustomerErased;
import io.sentio.customers.entity.CustomerRecord;
import io.sentio.customers.entity.ImportJob;
import io.sentio.customers.entity.PurchaseReads;
import io.sentio.customers.entity.RecordKind;
import io.sentio.customers.entity.RecordsStored;
import io.sentio.deployments.boundary.Deployments;
import io.sentio.responses.boundary.Responses;
import io.sentio.problems.entity.DomainException;
import io.sentio.storage.boundary.MongoStorage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Customer records one at a time (replace by id) and bulk imports (insert the ids not stored yet) as
 * asynchronous jobs on the container's managed executor, their state in the {@code imports} collection.
 *
 * <p>Every write is made durable before it is acknowledged (single records) or counted as done (import batches).
 * A job whose node dies stays {@code running} in the store; re-running its file is safe (ids already stored
 * are left alone).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerData {

    private static final System.Logger LOG = System.getLogger(CustomerData.class.getName());

    @Inject
    MongoStorage storage;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Responses responses;

    @Inject
    Deployments deployments;

    @Inject
    Event<RecordsStored> stored;

    @Inject
    Event<CustomerErased> erased;

    private final Clock clock = Clock.systemUTC();
    private RecordStore records;
    private ImportJobStore jobs;

    @PostConstruct
    void start() {
        records = new RecordStore(storage.database());
        jobs = new ImportJobStore(storage.database());
        records.ensureIndexes();
        jobs.ensureIndexes();
    }

    /**
     * Validates and stores a record in place of any with its id.
     *
     * @param id the id from the path, or null to take it from the body
     * @return true if it is new
     */
    public boolean put(RecordKind kind, String id, Map<String, ?> raw) {
        CustomerRecord record = RecordValidator.validate(kind, id, raw);
        boolean created = records.replace(record);
        storage.awaitDurable();
        announce(kind, List.of(record.id()));
        return created;
    }

    /**
     * Erases a customer: the profile, transactions, interactions and community records, the invitations issued to
     * the customer and the survey responses linked to them, and every comment of theirs in the search index. Idempotent:
     * erasing an unknown or already erased customer deletes nothing and succeeds. The MongoDB deletions are made
     * durable before the index is told, so a failure part-way leaves at most derived data to remove, and the
     * repeated request removes it.
     *
     * <p>Satisfaction aggregates that already counted the deleted responses keep counting them: they are sums
     * per touchpoint and day without any customer reference (see docs/satisfaction.md).
     *
     * @return how many documents were deleted (records, invitations and responses)
     */
    public long erase(String customer) {
        if (customer == null || customer.isEmpty() || customer.length() > 200
                || customer.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("id", "must be 1 to 200 characters without control characters");
        }
        long deleted = records.deleteCustomer(customer);
        storage.awaitDurable();
        deleted += deployments.eraseInvitationsOf(customer);
        deleted += responses.deleteOfCustomer(customer);
        erased.fire(new CustomerErased(customer));
        LOG.log(System.Logger.Level.INFO, "Customer erased: {0} documents deleted", deleted);
        return deleted;
    }

    /** Makes the import's writes durable, then announces (and forgets) the ids written since the last time. */
    private void makeDurableAndAnnounce(RecordKind kind, List<String> written) {
        storage.awaitDurable();
        announce(kind, List.copyOf(written));
        written.clear();
    }

    /** Tells observers (the comment index) which records were written; a failing observer must not fail the write. */
    private void announce(RecordKind kind, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            stored.fire(new RecordsStored(kind, ids));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Observer of stored " + kind.wire() + " records failed", e);
        }
    }

    public CustomerRecord find(RecordKind kind, String id) {
        return records.find(kind, id).orElseThrow(() -> DomainException.notFound("no " + kind.wire() + " record " + id));
    }

    /**
     * Starts importing {@code file} (which this call takes over and deletes when the job ends).
     *
     * @return the job as created (queued)
     */
    public ImportJob startImport(RecordKind kind, String format, Path file) {
        if (!format.equals("csv") && !format.equals("ndjson")) {
            throw DomainException.invalid("format", "must be csv or ndjson");
        }
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), kind, format, "queued", 0, null, 0, 0, List.of(),
                0, null, clock.instant(), null);
        jobs.create(job);
        storage.awaitDurable();
        executor.execute(() -> runImport(job, file));
        return job;
    }

    public ImportJob importJob(String id) {
        return jobs.find(id).orElseThrow(() -> DomainException.notFound("no import job " + id));
    }

    /** Write counters per record kind: equal counters mean unchanged records (see {@link RecordStore#versions}). */
    public Map<String, Long> versions() {
        return records.versions();
    }

    /** The stored transactions for analyses that keep them in memory. */
    public PurchaseReads purchaseReads() {
        return records;
    }

    /** Visits every stored record of a kind without its long-text fields (a whole-collection scan, for reports). */
    public void forEachRecord(RecordKind kind, java.util.function.Consumer<CustomerRecord> visitor) {
        records.forEachRecord(kind, visitor);
    }

    /**
     * Import batches per durability step. Committing the embedded store after every batch of 1,000 cost a third of
     * an import's time. Progress stays truthful after a crash: the job's progress is written to the same store after
     * the batches it counts, and the store keeps a prefix of its writes. New records are announced to the search
     * index only once durable, so a crash leaves no comment of a lost record in the index.
     */
    public static final int DURABLE_EVERY_BATCHES = 5;

    private void runImport(ImportJob job, Path file) {
        // Written by the import's writer task only (one batch at a time), read here after the run.
        List<String> notDurable = new ArrayList<>();
        try {
            ImportRun[] holder = new ImportRun[1];
            int[] batches = {0};
            ImportRun run = new ImportRun(job.kind(), job.format(), batch -> {
                List<String> inserted = records.insertAbsent(batch);
                notDurable.addAll(inserted);
                if (++batches[0] % DURABLE_EVERY_BATCHES == 0) {
                    makeDurableAndAnnounce(job.kind(), notDurable);
                }
                return inserted.size();
            }, () -> jobs.update(job.id(), "running", holder[0], false, clock.instant()), executor);
            holder[0] = run;
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (Reader reader = new BufferedReader(
                    new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
                run.run(reader);
            }
            makeDurableAndAnnounce(job.kind(), notDurable); // before "done": a finished job's records are searchable soon
            jobs.update(job.id(), run.failure() == null ? "done" : "failed", run, true, clock.instant());
            storage.awaitDurable();
            LOG.log(System.Logger.Level.INFO, "Import {0} of {1}: {2} rows, {3} new, {4} errors", job.id(),
                    job.kind().wire(), run.rowsDone(), run.imported(), run.errorCount());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Import " + job.id() + " failed", e);
            jobs.fail(job.id(), "import failed: " + e.getMessage(), clock.instant());
            try {
                makeDurableAndAnnounce(job.kind(), notDurable); // the batches written before the failure
            } catch (RuntimeException durabilityFailed) {
                LOG.log(System.Logger.Level.WARNING, "Import " + job.id() + ": records written before the failure are"
                        + " not announced to the search index; rebuild it after the store recovers", durabilityFailed);
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot delete import file " + file, e);
            }
        }
    }
}

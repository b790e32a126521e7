package io.sentio.search.boundary;

import io.sentio.customers.entity.CustomerErased;
import io.sentio.customers.entity.RecordsStored;
import io.sentio.responses.boundary.StoredResponses;
import io.sentio.responses.entity.ResponseStored;
import io.sentio.responses.entity.ResponsesDeleted;
import io.sentio.search.control.CommentFeed;
import io.sentio.search.control.CommentIndex;
import io.sentio.search.control.CommentReader;
import io.sentio.search.control.RecordCommentReader;
import io.sentio.search.control.ResponseCommentReader;
import io.sentio.storage.boundary.MongoStorage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the comment index under {@code ${sentio.data.dir}/index} in step with MongoDB: survey responses,
 * interaction notes and community posts, replies and answers.
 *
 * <p>On start it opens the index and arms a timer; the first run catches up from the positions in the
 * last Lucene commit (everything after a crash, a new index or another schema version). Later runs, every
 * {@value #POLL_MILLIS} ms, index the responses and records this node stored since the last run (their ids
 * arrive as {@link ResponseStored} from {@link StoredResponses} and as {@link RecordsStored} events, the latter
 * also from import batches, and are read by primary key) and, with a real MongoDB, where other nodes may write
 * too, also poll for
 * anything stamped since the positions (an indexed range read there; the embedded store would scan the
 * whole collection for it, and only this node writes to it). The searcher is refreshed when something was
 * indexed, so a comment is searchable well within 1 s of its write. Commits about once a second (see
 * {@link CommentFeed} for positions, overlap window and crash behaviour).
 *
 * <p>Deletions ({@link ResponsesDeleted}, {@link CustomerErased}) arrive after MongoDB has deleted the
 * documents; they take the lock (so no poll that read a document before its deletion can index it
 * afterwards), delete from the index, commit and refresh before the request is acknowledged.
 *
 * <p>Concurrency: bean-managed. Polls and rebuilds run under one lock; the timer is a chain of
 * non-persistent single-action timers re-armed after each run, so runs never overlap and a long catch-up
 * does not pile up timeouts. Searches never take the lock: they read through the index's
 * SearcherManager. A rebuild refreshes the searcher only when done, so searches keep answering from the
 * old index meanwhile.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommentIndexer {

    private static final System.Logger LOG = System.getLogger(CommentIndexer.class.getName());
    static final long POLL_MILLIS = 100;
    static final Duration OVERLAP = Duration.ofSeconds(5);
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final String RESPONSES = "responses";

    /** Result of a full rebuild: responses and customer records read, comments indexed. */
    public record Rebuild(long responses, long records, long comments, long millis) {
    }

    /** A document a node wrote, to be indexed by the next run. */
    private record Hint(String collection, String id) {
    }

    @Inject
    MongoStorage storage;

    @Inject
    StoredResponses storedResponses;

    @Inject
    @ConfigProperty(name = "sentio.data.dir", defaultValue = "data")
    String dataDir;

    @Resource
    TimerService timers;

    /** Most ids waiting for the next run; beyond it they are dropped and the next run polls instead. */
    static final int MAX_HINTS = 100_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();
    private final AtomicInteger hinted = new AtomicInteger();
    private volatile boolean hintsDropped;
    private CommentIndex index;
    private CommentFeed feed;
    private volatile boolean caughtUp;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        storedResponses.follow(response -> hint(RESPONSES, response.id()));
        Path path = Path.of(dataDir).toAbsolutePath().resolve("index");
        try {
            Files.createDirectories(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the index directory " + path, e);
        }
        List<CommentReader> readers = List.of(new ResponseCommentReader(storage.database()),
                new RecordCommentReader(storage.database(), RecordCommentReader.Kind.INTERACTIONS),
                new RecordCommentReader(storage.database(), RecordCommentReader.Kind.COMMUNITY));
        readers.forEach(CommentReader::ensureIndexes);
        index = new CommentIndex(path);
        feed = new CommentFeed(index, readers, OVERLAP, COMMIT_INTERVAL, Clock.systemUTC());
        for (CommentReader reader : readers) {
            Instant position = feed.position(reader.collection());
            LOG.log(Level.INFO, "Comment index at {0}: {1} comments, catching up {2} from {3}", path, index.size(),
                    reader.collection(), position == null ? "the beginning" : position.minus(OVERLAP));
        }
        arm(0);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        try {
            timers.getTimers().forEach(t -> t.cancel());
        } catch (RuntimeException e) {
            // expired meanwhile or the timer service stops first: the stopping flag ends the chain
        }
        lock.lock();
        try {
            feed.commit();
            index.close();
        } finally {
            lock.unlock();
        }
    }

    /** Remembers interactions and community records this node stored, for the next run. */
    public void stored(@Observes RecordsStored event) {
        String collection = switch (event.kind()) {
            case INTERACTIONS, COMMUNITY -> event.kind().wire();
            case CUSTOMERS, TRANSACTIONS -> null;
        };
        if (collection != null) {
            event.ids().forEach(id -> hint(collection, id));
        }
    }

    /** Removes the comments of deleted responses; returns when the removal is committed and searchable. */
    public void deleted(@Observes ResponsesDeleted event) {
        delete(event.ids(), null);
    }

    /** Removes every comment of an erased customer; returns when the removal is committed and searchable. */
    public void erased(@Observes CustomerErased event) {
        delete(List.of(), event.customer());
    }

    private void delete(List<String> responseIds, String customer) {
        lock.lock();
        try {
            feed.delete(responseIds, customer);
            index.refresh();
        } finally {
            lock.unlock();
        }
    }

    private void hint(String collection, String id) {
        if (hinted.incrementAndGet() > MAX_HINTS) {
            hinted.decrementAndGet();
            hintsDropped = true;
        } else {
            hints.add(new Hint(collection, id));
        }
    }

    @Timeout
    void run() {
        if (stopping) {
            return;
        }
        try {
            if (lock.tryLock()) {
                try {
                    long started = System.nanoTime();
                    CommentFeed.Pass pass = caughtUp ? next() : feed.poll();
                    if (pass.commentsIndexed() > 0) {
                        index.maybeRefresh();
                    }
                    feed.maybeCommit();
                    if (!caughtUp) {
                        caughtUp = true;
                        feed.commit();
                        LOG.log(Level.INFO, "Comment index caught up: {0} responses and {1} records read, {2} comments indexed in {3} ms",
                                pass.responsesRead(), pass.recordsRead(), pass.commentsIndexed(),
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    }
                } finally {
                    lock.unlock();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Comment indexing failed; retrying", e);
        } finally {
            if (!stopping) {
                arm(POLL_MILLIS);
            }
        }
    }

    /** One incremental run: the hinted documents, and a poll where the hints may not be the whole story. */
    private CommentFeed.Pass next() {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Hint hint;
        while ((hint = hints.poll()) != null) {
            hinted.decrementAndGet();
            ids.computeIfAbsent(hint.collection(), c -> new ArrayList<>()).add(hint.id());
        }
        CommentFeed.Pass pass = new CommentFeed.Pass(0, 0, 0);
        for (Map.Entry<String, List<String>> source : ids.entrySet()) {
            pass = pass.plus(feed.index(source.getKey(), source.getValue()));
        }
        if (hintsDropped || !storage.isEmbedded()) {
            hintsDropped = false;
            pass = pass.plus(feed.pollIfChanged());
        }
        return pass;
    }

    /** Deletes the index and rebuilds it from MongoDB; waits for a running poll to finish first. */
    public Rebuild rebuild() {
        long started = System.nanoTime();
        lock.lock();
        try {
            CommentFeed.Pass pass = feed.rebuild();
            index.refresh();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            LOG.log(Level.INFO, "Comment index rebuilt: {0} responses, {1} records, {2} comments in {3} ms",
                    pass.responsesRead(), pass.recordsRead(), pass.commentsIndexed(), millis);
            return new Rebuild(pass.responsesRead(), pass.recordsRead(), pass.commentsIndexed(), millis);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the first catch-up after start has finished. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** The index, for searches (thread-safe). */
    public CommentIndex index() {
        return index;
    }

    private void arm(long delayMillis) {
        timers.createSingleActionTimer(delayMillis, new TimerConfig(null, false));
    }
}

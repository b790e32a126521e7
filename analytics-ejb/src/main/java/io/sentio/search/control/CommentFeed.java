package io.sentio.search.control;

import io.sentio.search.entity.CommentDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * Feeds the comment index from the {@code responses} collection: catch-up after start, then incremental
 * polls, with the indexed position kept in the Lucene commit data.
 *
 * <p><b>Position and overlap.</b> The position is the latest {@code receivedAt} indexed (epoch millis).
 * {@code receivedAt} is stamped before the insert, so under concurrent writes a response stamped at
 * {@code t} can become visible after one stamped {@code t + δ} was already read. Every poll therefore
 * re-reads from {@code position - overlap}; ids already indexed inside that window are remembered and
 * skipped, so the re-read costs a query, not re-indexing. The invariant that makes catch-up after a crash
 * complete: when the index commits position {@code p}, every response visible in MongoDB with
 * {@code receivedAt < p - overlap} has been indexed (it assumes no write takes longer than the overlap
 * between its stamp and its insert; the default 5 s is three orders of magnitude above what a request
 * takes here). Re-indexing is harmless anyway: {@link CommentIndex#index} upserts by id.
 *
 * <p><b>Durability.</b> Commits happen at most about once per {@code commitInterval} (and at the end of a
 * rebuild), not per comment: a crash loses only uncommitted index work, which the next start re-reads
 * from the committed position.
 *
 * <p>Not thread-safe: the boundary runs it under one lock.
 */
public final class CommentFeed {

    /** What a pass did. */
    public record Pass(long responsesRead, long commentsIndexed) {
        public Pass plus(Pass other) {
            return new Pass(responsesRead + other.responsesRead, commentsIndexed + other.commentsIndexed);
        }
    }

    private static final String POSITION_PREFIX = "receivedAt:";

    private final CommentIndex index;
    private final ResponseCommentReader reader;
    private final Duration overlap;
    private final Duration commitInterval;
    private final Clock clock;
    /** Ids indexed within the overlap window → their receivedAt, to skip re-reads. */
    private final Map<String, Instant> recent = new HashMap<>();
    private Instant position;
    private Instant lastCommit;
    private boolean uncommitted;
    private long lastCount = -1;
    private Instant lastFullPoll = Instant.MIN;

    public CommentFeed(CommentIndex index, ResponseCommentReader reader, Duration overlap, Duration commitInterval,
                       Clock clock) {
        this.index = Objects.requireNonNull(index, "index");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        this.commitInterval = Objects.requireNonNull(commitInterval, "commitInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.position = index.lastCommittedPosition().map(CommentFeed::decode).orElse(null);
        this.lastCommit = clock.instant();
    }

    /** The position indexed up to (null before anything was indexed). */
    public Instant position() {
        return position;
    }

    /**
     * Indexes every response stamped at or after {@code position - overlap} that was not indexed in this
     * window yet. Commits only when the pass itself takes longer than the commit interval (catch-up);
     * otherwise the caller refreshes the searcher first and then calls {@link #maybeCommit()}, so that an
     * fsync never delays visibility. Returns what it did.
     */
    public Pass poll() {
        Instant since = position == null ? null : position.minus(overlap);
        Instant started = clock.instant();
        Pass[] pass = {new Pass(0, 0)};
        reader.forEachSince(since, response -> {
            pass[0] = pass[0].plus(indexOne(response));
            if (clock.instant().isAfter(started.plus(commitInterval))) {
                maybeCommit(); // a long catch-up commits as it goes; short polls leave it to the caller
            }
        });
        forgetBeforeHorizon();
        return pass[0];
    }

    /**
     * Indexes the given responses, known to be new (the ids a node's own submissions report after their
     * write): a primary-key read instead of {@link #poll()}'s range read, which the embedded store answers
     * by scanning the whole collection. Keeps the same position bookkeeping, so a later catch-up starts from
     * the right place.
     */
    public Pass index(Collection<String> responseIds) {
        Pass[] pass = {new Pass(0, 0)};
        reader.forEachOf(responseIds, response -> pass[0] = pass[0].plus(indexOne(response)));
        forgetBeforeHorizon();
        return pass[0];
    }

    /** Indexes one response unless it was indexed within the overlap window; returns what it did. */
    private Pass indexOne(Document response) {
        Instant at = ResponseCommentReader.receivedAt(response);
        Object id = response.get("_id");
        if (at == null || !(id instanceof String responseId) || recent.containsKey(responseId)) {
            return new Pass(0, 0);
        }
        List<CommentDocument> comments = ResponseCommentReader.comments(response);
        comments.forEach(index::index);
        recent.put(responseId, at);
        if (position == null || at.isAfter(position)) {
            position = at;
        }
        uncommitted = true;
        return new Pass(1, comments.size());
    }

    private void forgetBeforeHorizon() {
        if (position != null) {
            Instant horizon = position.minus(overlap);
            recent.values().removeIf(at -> at.isBefore(horizon));
        }
    }

    /**
     * {@link #poll()} when the number of stored responses changed since the last poll, or at least every
     * {@code overlap / 2} anyway (an insert and a delete in one interval leave the count unchanged). The
     * count is metadata, so an idle server does not re-scan the overlap window several times a second,
     * which matters with the embedded store: it has no secondary indexes and every range query scans.
     */
    public Pass pollIfChanged() {
        long count = reader.estimatedCount();
        Instant now = clock.instant();
        if (count == lastCount && now.isBefore(lastFullPoll.plus(overlap.dividedBy(2)))) {
            return new Pass(0, 0);
        }
        lastCount = count;
        lastFullPoll = now;
        return poll();
    }

    /** Deletes the whole index and rebuilds it from MongoDB; commits at the end. */
    public Pass rebuild() {
        index.deleteAll();
        recent.clear();
        lastCount = -1;
        position = null;
        uncommitted = true;
        Pass pass = poll();
        commit();
        return pass;
    }

    /** Commits now if anything was indexed since the last commit. */
    public void commit() {
        if (uncommitted) {
            index.commit(position == null ? null : encode(position));
            uncommitted = false;
        }
        lastCommit = clock.instant();
    }

    /** Commits if something was indexed and the commit interval has passed since the last commit. */
    public void maybeCommit() {
        if (uncommitted && !clock.instant().isBefore(lastCommit.plus(commitInterval))) {
            commit();
            forgetBeforeHorizon();
        }
    }

    static String encode(Instant position) {
        return POSITION_PREFIX + position.toEpochMilli();
    }

    /** A position this class did not write (another schema) decodes to null: everything is re-read. */
    static Instant decode(String position) {
        if (position == null || !position.startsWith(POSITION_PREFIX)) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(position.substring(POSITION_PREFIX.length())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

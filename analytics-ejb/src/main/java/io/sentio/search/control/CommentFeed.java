package io.sentio.search.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.bson.Document;

/**
 * Feeds the comment index from its source collections (responses, interactions, community): catch-up after
 * start, then incremental reads, with one indexed position per source kept in the Lucene commit data.
 *
 * <p><b>Position and overlap.</b> Each source's position is the latest write stamp indexed from it
 * ({@code receivedAt} of responses, {@code storedAt} of records; epoch millis). A stamp is taken before
 * the write, so under concurrent writes a document stamped at {@code t} can become visible after one
 * stamped {@code t + δ} was already read. Every range read therefore starts at {@code position - overlap};
 * documents already indexed inside that window with the same stamp are remembered and skipped, so the
 * re-read costs a query, not re-indexing (a record replaced in place gets a new stamp and is indexed
 * again). The invariant that makes catch-up after a crash complete, per source: when the index commits
 * position {@code p}, every document of that source visible in MongoDB with a stamp before
 * {@code p - overlap} has been indexed in its latest version. It assumes no write takes longer than the
 * overlap between its stamp and its becoming visible (default 5 s; a request or an import batch of 1,000
 * records takes milliseconds here). Documents without a stamp (written before stamps existed) are read
 * when the source has no position yet, i.e. on the first start with this source and on every rebuild.
 * Re-indexing is harmless anyway: {@link CommentIndex#index} upserts by id.
 *
 * <p><b>Encoding.</b> The commit data holds {@code receivedAt:<ms> interactions:<ms> community:<ms>}
 * (sources without a position omitted). An index written before records were fed holds only
 * {@code receivedAt:<ms>}: its record sources then have no position and are read completely once.
 *
 * <p><b>Durability.</b> Commits happen at most about once per {@code commitInterval} (and at the end of a
 * rebuild, and at once after deletions), not per comment: a crash loses only uncommitted index work, which
 * the next start re-reads from the committed positions.
 *
 * <p>Not thread-safe: the boundary runs it under one lock.
 */
public final class CommentFeed {

    /** What a pass did: documents read from the responses and from the record collections, comments indexed. */
    public record Pass(long responsesRead, long recordsRead, long commentsIndexed) {
        public Pass plus(Pass other) {
            return new Pass(responsesRead + other.responsesRead, recordsRead + other.recordsRead,
                    commentsIndexed + other.commentsIndexed);
        }

        static Pass none() {
            return new Pass(0, 0, 0);
        }
    }

    private static final String RESPONSES = "responses";

    /** One source with its own position and overlap bookkeeping. */
    private final class Track {
        final CommentReader reader;
        /** Ids indexed within the overlap window → their stamp, to skip re-reads of the same version. */
        final Map<String, Instant> recent = new HashMap<>();
        Instant position;
        long lastCount = -1;
        Instant lastFullPoll = Instant.MIN;

        Track(CommentReader reader, Instant position) {
            this.reader = reader;
            this.position = position;
        }

        Pass read(Document document) {
            Instant at = reader.stamp(document);
            Object id = document.get("_id");
            if (!(id instanceof String key) || at != null && at.equals(recent.get(key))) {
                return Pass.none();
            }
            int comments = reader.apply(document, index);
            if (at != null) {
                recent.put(key, at);
                if (position == null || at.isAfter(position)) {
                    position = at;
                }
            }
            uncommitted = true;
            boolean responses = reader.collection().equals(RESPONSES);
            return new Pass(responses ? 1 : 0, responses ? 0 : 1, comments);
        }

        Pass poll() {
            Instant since = position == null ? null : position.minus(overlap);
            Instant started = clock.instant();
            Pass[] pass = {Pass.none()};
            reader.forEachSince(since, document -> {
                pass[0] = pass[0].plus(read(document));
                if (clock.instant().isAfter(started.plus(commitInterval))) {
                    maybeCommit(); // a long catch-up commits as it goes; short polls leave it to the caller
                }
            });
            forgetBeforeHorizon();
            return pass[0];
        }

        void forgetBeforeHorizon() {
            if (position != null) {
                Instant horizon = position.minus(overlap);
                recent.values().removeIf(at -> at.isBefore(horizon));
            }
        }
    }

    private final CommentIndex index;
    private final Duration overlap;
    private final Duration commitInterval;
    private final Clock clock;
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private Instant lastCommit;
    private boolean uncommitted;

    /**
     * @param readers the sources, each with its own collection name and position key
     */
    public CommentFeed(CommentIndex index, List<CommentReader> readers, Duration overlap, Duration commitInterval,
                       Clock clock) {
        this.index = Objects.requireNonNull(index, "index");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        this.commitInterval = Objects.requireNonNull(commitInterval, "commitInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, Instant> positions = index.lastCommittedPosition().map(CommentFeed::decodeAll).orElse(Map.of());
        for (CommentReader reader : readers) {
            tracks.put(reader.collection(), new Track(reader, positions.get(reader.positionKey())));
        }
        this.lastCommit = clock.instant();
    }

    /** The position indexed up to from {@code collection} (null before anything of it was indexed). */
    public Instant position(String collection) {
        return track(collection).position;
    }

    /**
     * Reads every source from its {@code position - overlap} and indexes what was not indexed in this window
     * yet. Commits only when the pass itself takes longer than the commit interval (catch-up); otherwise the
     * caller refreshes the searcher first and then calls {@link #maybeCommit()}, so that an fsync never
     * delays visibility. Returns what it did.
     */
    public Pass poll() {
        Pass pass = Pass.none();
        for (Track track : tracks.values()) {
            pass = pass.plus(track.poll());
        }
        return pass;
    }

    /**
     * Indexes the given documents of {@code collection}, known to be new or changed (the ids a node's own
     * writes report after they are durable): a primary-key read instead of {@link #poll()}'s range read,
     * which the embedded store answers by scanning the whole collection. Keeps the same position
     * bookkeeping, so a later catch-up starts from the right place.
     */
    public Pass index(String collection, Collection<String> ids) {
        Track track = track(collection);
        Pass[] pass = {Pass.none()};
        track.reader.forEachOf(ids, document -> pass[0] = pass[0].plus(track.read(document)));
        track.forgetBeforeHorizon();
        return pass[0];
    }

    /**
     * {@link #poll()} of each source whose document count changed since its last poll, or at least every
     * {@code overlap / 2} anyway (an insert and a delete in one interval leave the count unchanged). The
     * count is metadata, so an idle server does not re-scan the overlap window several times a second,
     * which matters with the embedded store: it has no secondary indexes and every range query scans.
     */
    public Pass pollIfChanged() {
        Pass pass = Pass.none();
        Instant now = clock.instant();
        for (Track track : tracks.values()) {
            long count = track.reader.estimatedCount();
            if (count != track.lastCount || !now.isBefore(track.lastFullPoll.plus(overlap.dividedBy(2)))) {
                track.lastCount = count;
                track.lastFullPoll = now;
                pass = pass.plus(track.poll());
            }
        }
        return pass;
    }

    /** Deletes the whole index and rebuilds it from MongoDB; commits at the end. */
    public Pass rebuild() {
        index.deleteAll();
        for (Track track : tracks.values()) {
            track.recent.clear();
            track.lastCount = -1;
            track.position = null;
        }
        uncommitted = true;
        Pass pass = poll();
        commit();
        return pass;
    }

    /**
     * Removes the comments of these responses and of this customer (either may be absent) and commits at
     * once: the caller acknowledges a deletion only when it is durable in the index too. The caller must
     * have deleted the documents from MongoDB first, so that no later read brings the comments back.
     */
    public void delete(Collection<String> responseIds, String customer) {
        responseIds.forEach(index::deleteByResponse);
        if (customer != null) {
            index.deleteByCustomer(customer);
        }
        uncommitted = true;
        commit();
    }

    /** Commits now if anything was indexed since the last commit. */
    public void commit() {
        if (uncommitted) {
            index.commit(encode());
            uncommitted = false;
        }
        lastCommit = clock.instant();
    }

    /** Commits if something was indexed and the commit interval has passed since the last commit. */
    public void maybeCommit() {
        if (uncommitted && !clock.instant().isBefore(lastCommit.plus(commitInterval))) {
            commit();
            tracks.values().forEach(Track::forgetBeforeHorizon);
        }
    }

    private Track track(String collection) {
        Track track = tracks.get(collection);
        if (track == null) {
            throw new IllegalArgumentException("no comment source " + collection);
        }
        return track;
    }

    /** The positions of all sources that have one, or null when none has. */
    private String encode() {
        StringJoiner joined = new StringJoiner(" ");
        for (Track track : tracks.values()) {
            if (track.position != null) {
                joined.add(track.reader.positionKey() + ":" + track.position.toEpochMilli());
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    /**
     * Positions by key from the commit data; entries this class did not write (another schema, a malformed
     * number) are left out, so their sources are re-read from the beginning.
     */
    static Map<String, Instant> decodeAll(String positions) {
        Map<String, Instant> decoded = new HashMap<>();
        if (positions != null) {
            for (String entry : positions.split(" ")) {
                int colon = entry.indexOf(':');
                if (colon > 0) {
                    try {
                        decoded.put(entry.substring(0, colon), Instant.ofEpochMilli(Long.parseLong(entry.substring(colon + 1))));
                    } catch (NumberFormatException e) {
                        // not ours: that source starts from scratch
                    }
                }
            }
        }
        return decoded;
    }
}

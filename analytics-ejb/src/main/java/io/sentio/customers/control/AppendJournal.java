package io.sentio.customers.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * This node's recent writes of one record kind that only added new records, each under the write counter value
 * its bump produced, so that a reader holding everything up to counter value v can fetch just the records added
 * since (by id) instead of scanning the collection again.
 *
 * <p>Why in memory and per node: the embedded store answers only {@code _id} look-ups from an index, so finding
 * new records by their {@code storedAt} stamp would scan millions of documents. A counter value missing here
 * (another node's write, a replacement, an erasure, a write older than the retained window) tells the reader to
 * scan everything, which is always correct.
 *
 * <p>It also counts the writes that may add records while they run, because a scan racing with one could see
 * its records before its counter bump: such a scan is not an exact picture of any counter value
 * ({@link #quietWrites()}). Thread-safe.
 */
final class AppendJournal {

    /** Ids retained at most (oldest writes dropped first): beyond this a reader rescans, which is then as cheap. */
    static final int MAX_IDS = 1_000_000;

    /** Added ids by counter value (concurrent writers may end in another order than they bumped). */
    private final NavigableMap<Long, List<String>> entries = new TreeMap<>();
    private final int maxIds;
    private int retainedIds;
    private long writes;
    private int inFlight;

    AppendJournal() {
        this(MAX_IDS);
    }

    /** @param maxIds ids retained at most */
    AppendJournal(int maxIds) {
        this.maxIds = maxIds;
    }

    /** Before a write that may add records. Always pair with {@link #end}. */
    synchronized void begin() {
        writes++;
        inFlight++;
    }

    /**
     * After the write.
     *
     * @param version the counter value its bump produced, or 0 when it wrote nothing or did not only add records
     * @param added   the ids of the records it added (all of them new)
     */
    synchronized void end(long version, List<String> added) {
        inFlight--;
        if (version > 0 && !added.isEmpty()) {
            entries.put(version, List.copyOf(added));
            retainedIds += added.size();
            while (retainedIds > maxIds) {
                retainedIds -= entries.pollFirstEntry().getValue().size();
            }
        }
    }

    /** The number of writes begun so far when none is running, else -1. */
    synchronized long quietWrites() {
        return inFlight == 0 ? writes : -1;
    }

    /**
     * The ids added by the writes that produced the counter values {@code after + 1 .. upTo}, if every one of them
     * is a retained write of this node that only added records; otherwise empty.
     */
    synchronized Optional<List<String>> addedBetween(long after, long upTo) {
        List<String> ids = new ArrayList<>();
        long expected = after + 1;
        for (Map.Entry<Long, List<String>> entry : entries.subMap(after, false, upTo, true).entrySet()) {
            if (entry.getKey() != expected) {
                return Optional.empty();
            }
            ids.addAll(entry.getValue());
            expected++;
        }
        return expected == upTo + 1 ? Optional.of(ids) : Optional.empty();
    }
}

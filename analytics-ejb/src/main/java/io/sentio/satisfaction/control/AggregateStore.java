package io.sentio.satisfaction.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

/**
 * Per touchpoint × UTC day satisfaction aggregates in two collections, written without transactions and
 * safe against a crash between any two writes:
 * <ul>
 *   <li>{@code satisfaction_parts}: one document per folded batch, touchpoint and day,
 *       {@code _id = batch|touchpoint|day}. Written by {@link #replacePart} (replace with upsert), so
 *       re-folding a batch after a crash replaces its parts instead of adding to them.</li>
 *   <li>{@code satisfaction_days}: one document per touchpoint and day, {@code _id = touchpoint|day},
 *       holding the merged parts it {@code absorbed} in its latest compaction. Readers skip parts listed
 *       there; the compactor deletes them afterwards (and again on its next run if it crashed before).</li>
 *   <li>{@code satisfaction_touchpoints}: per touchpoint the first and last day with data, so that day
 *       documents can be fetched by primary key.</li>
 *   <li>{@code satisfaction_batches}: one record per folded batch once <em>all</em> its parts are written
 *       ({@link #recordPartsWritten}); compaction absorbs only parts of recorded batches. So a batch whose
 *       fold was interrupted while writing parts still has all its parts unabsorbed when it is repaired, and
 *       a recorded batch is never re-written (its parts may already be in a day document). The record goes
 *       once the batch's members are marked and its last part is absorbed.</li>
 * </ul>
 * The figures of (touchpoint, day) are always day document ⊕ parts not absorbed by it: every write
 * keeps that sum equal to the folded responses, so a reader at any moment sees each folded response once.
 */
public final class AggregateStore {

    /** Day ids per {@code $in} query. */
    private static final int CHUNK = 500;

    private final MongoCollection<Document> parts;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> touchpoints;
    private final MongoCollection<Document> batches;
    private final boolean shared;

    /** Aggregates that only this application server compacts (the embedded store). */
    public AggregateStore(MongoDatabase database) {
        this(database, false);
    }

    /**
     * @param shared whether other application servers may compact the same aggregates (a real MongoDB): day
     *               documents are then replaced only if no other compaction replaced them since they were read
     */
    public AggregateStore(MongoDatabase database, boolean shared) {
        this.parts = database.getCollection("satisfaction_parts");
        this.days = database.getCollection("satisfaction_days");
        this.touchpoints = database.getCollection("satisfaction_touchpoints");
        this.batches = database.getCollection("satisfaction_batches");
        this.shared = shared;
    }

    /**
     * Widens the recorded day range of a touchpoint to include {@code day} ({@code $min}/{@code $max} by
     * {@code _id}: idempotent; a range wider than the data only costs a few empty lookups).
     * Called before the touchpoint's parts are written, so the range always covers every stored day.
     */
    public void recordDay(String touchpoint, LocalDate day) {
        touchpoints.updateOne(eq("_id", touchpoint), new Document("$min", new Document("firstDay", day.toString()))
                .append("$max", new Document("lastDay", day.toString())), new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** Every touchpoint with stored aggregates, with its first and last day. */
    public Map<String, LocalDate[]> touchpoints() {
        Map<String, LocalDate[]> result = new TreeMap<>();
        for (Document d : touchpoints.find()) {
            result.put(d.getString("_id"), new LocalDate[] {LocalDate.parse(d.getString("firstDay")),
                    LocalDate.parse(d.getString("lastDay"))});
        }
        return result;
    }

    public void ensureIndexes() {
        parts.createIndex(compoundIndex(ascending("touchpoint"), ascending("day")));
        days.createIndex(compoundIndex(ascending("touchpoint"), ascending("day")));
        parts.createIndex(ascending("batch"));
    }

    /** Records that every part of {@code batch} is written: from now on compaction may absorb them. */
    public void recordPartsWritten(String batch) {
        batches.replaceOne(eq("_id", batch), new Document("_id", batch).append("stage", "written"),
                new ReplaceOptions().upsert(true));
    }

    /**
     * Records that every member of {@code batch} is marked folded: the record goes now if no part of it is left
     * to absorb, else with its last part ({@link #compact}).
     */
    public void recordMembersMarked(String batch) {
        batches.updateOne(eq("_id", batch), new Document("$set", new Document("stage", "marked")));
        forgetIfAbsorbed(batch);
    }

    /** Deletes the record of a batch whose members are marked once none of its parts is left to absorb. */
    private void forgetIfAbsorbed(String batch) {
        if (parts.find(eq("batch", batch)).first() == null) {
            batches.deleteOne(eq("_id", batch));
        }
    }

    /** Whether every part of {@code batch} was written (then they must not be written again). */
    public boolean partsWritten(String batch) {
        return batches.find(eq("_id", batch)).first() != null;
    }

    /** Stores (or replaces) batch {@code batch}'s statistics of one touchpoint and day. */
    public void replacePart(String batch, String touchpoint, LocalDate day, SatisfactionAggregate aggregate) {
        String id = batch + "|" + touchpoint + "|" + day;
        Document doc = new Document("_id", id).append("batch", batch).append("touchpoint", touchpoint)
                .append("day", day.toString()).append("stats", aggregate.toDocument());
        parts.replaceOne(eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    /**
     * The statistics of one touchpoint (or every touchpoint for null) per day in [from, to]
     * (null bounds: unbounded), keyed touchpoint → day.
     *
     * <p>Day documents are fetched by primary key ({@code _id ∈ {touchpoint|day for each day of the range
     * clipped to the touchpoint's recorded days}}): the embedded store serves only exact {@code _id}
     * queries from an index and scans the collection for anything else. Parts are few (only days not
     * yet compacted: today, mostly), so they are read with a filter.
     */
    public Map<String, TreeMap<LocalDate, SatisfactionAggregate>> read(String touchpoint, LocalDate from, LocalDate to) {
        Map<String, TreeMap<LocalDate, SatisfactionAggregate>> result = new TreeMap<>();
        Map<String, LocalDate[]> ranges = new TreeMap<>();
        if (touchpoint == null) {
            ranges.putAll(touchpoints());
        } else {
            Document d = touchpoints.find(eq("_id", touchpoint)).first();
            if (d != null) {
                ranges.put(touchpoint, new LocalDate[] {LocalDate.parse(d.getString("firstDay")),
                        LocalDate.parse(d.getString("lastDay"))});
            }
        }
        Set<String> absorbed = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (var e : ranges.entrySet()) {
            LocalDate start = from == null || from.isBefore(e.getValue()[0]) ? e.getValue()[0] : from;
            LocalDate end = to == null || to.isAfter(e.getValue()[1]) ? e.getValue()[1] : to;
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                ids.add(e.getKey() + "|" + day);
                if (ids.size() == CHUNK) {
                    readDays(ids, absorbed, result);
                    ids.clear();
                }
            }
        }
        if (!ids.isEmpty()) {
            readDays(ids, absorbed, result);
        }
        List<Bson> filters = new ArrayList<>();
        if (touchpoint != null) {
            filters.add(eq("touchpoint", touchpoint));
        }
        if (from != null) {
            filters.add(gte("day", from.toString()));
        }
        if (to != null) {
            filters.add(lte("day", to.toString()));
        }
        for (Document p : parts.find(filters.isEmpty() ? new Document() : and(filters))) {
            if (!absorbed.contains(p.getString("_id"))) {
                add(result, p);
            }
        }
        return result;
    }

    private void readDays(List<String> ids, Set<String> absorbed, Map<String, TreeMap<LocalDate, SatisfactionAggregate>> result) {
        for (Document d : days.find(in("_id", ids))) {
            absorbed.addAll(d.getList("absorbed", String.class, List.of()));
            add(result, d);
        }
    }

    private static void add(Map<String, TreeMap<LocalDate, SatisfactionAggregate>> result, Document d) {
        SatisfactionAggregate a = SatisfactionAggregate.fromDocument(d.get("stats", Document.class));
        result.computeIfAbsent(d.getString("touchpoint"), k -> new TreeMap<>())
                .merge(LocalDate.parse(d.getString("day")), a, (x, y) -> {
                    x.merge(y);
                    return x;
                });
    }

    /**
     * (touchpoint, day) pairs worth compacting: every day before {@code today} that still has parts,
     * and any day with at least {@code threshold} parts.
     */
    public List<String[]> compactable(int threshold, LocalDate today) {
        Map<String, Integer> count = new TreeMap<>();
        for (Document p : parts.find().projection(new Document("touchpoint", 1).append("day", 1))) {
            count.merge(p.getString("touchpoint") + "|" + p.getString("day"), 1, Integer::sum);
        }
        return count.entrySet().stream()
                .filter(e -> e.getValue() >= threshold || e.getKey().substring(e.getKey().lastIndexOf('|') + 1)
                        .compareTo(today.toString()) < 0)
                .map(e -> e.getKey().split("\\|", 2)).toList();
    }

    /**
     * Merges the parts of (touchpoint, day) into its day document. Idempotent and crash-safe: (1) parts
     * the day document already absorbed are deleted (finishing an interrupted run); (2) the remaining
     * parts are merged into a new day document listing exactly them as absorbed, which replaces the old
     * one in one write; (3) they are deleted. Between (2) and (3) readers skip them by the list.
     * Folding may run alongside. Compactions of the same (touchpoint, day) on several application servers
     * sharing a MongoDB are serialised optimistically: the day document carries a {@code revision}, and a
     * compaction replaces it only if the revision is still the one it read (or inserts it only if it is still
     * absent); the loser writes and deletes nothing, and its parts wait for the next run. Without that check, a
     * slower compaction could replace a day document that already absorbed a newer part, after that part was
     * deleted. On the embedded store, a filter on anything but {@code _id} scans the collection and only this
     * process compacts, so the day document is replaced unconditionally.
     *
     * Only parts of batches recorded as completely written are absorbed (see the class comment).
     *
     * @return number of parts absorbed
     */
    public int compact(String touchpoint, LocalDate day) {
        String dayId = touchpoint + "|" + day;
        Document old = days.find(eq("_id", dayId)).first();
        if (old != null) {
            List<String> previously = old.getList("absorbed", String.class, List.of());
            if (!previously.isEmpty()) {
                parts.deleteMany(in("_id", previously));
            }
        }
        SatisfactionAggregate merged = old == null ? SatisfactionAggregate.empty()
                : SatisfactionAggregate.fromDocument(old.get("stats", Document.class));
        List<Document> candidates = parts.find(and(eq("touchpoint", touchpoint), eq("day", day.toString())))
                .into(new ArrayList<>());
        Map<String, String> stages = new TreeMap<>();
        if (!candidates.isEmpty()) {
            batches.find(in("_id", candidates.stream().map(p -> p.getString("batch")).distinct().toList()))
                    .forEach(b -> stages.put(b.getString("_id"), b.getString("stage")));
        }
        List<String> absorbed = new ArrayList<>();
        Set<String> absorbedBatches = new HashSet<>();
        for (Document p : candidates) {
            if (stages.containsKey(p.getString("batch"))) {
                merged.merge(SatisfactionAggregate.fromDocument(p.get("stats", Document.class)));
                absorbed.add(p.getString("_id"));
                absorbedBatches.add(p.getString("batch"));
            }
        }
        if (absorbed.isEmpty()) {
            return 0;
        }
        long revision = old == null || old.get("revision") == null ? 0 : ((Number) old.get("revision")).longValue();
        Document doc = new Document("_id", dayId).append("touchpoint", touchpoint).append("day", day.toString())
                .append("revision", revision + 1).append("absorbed", absorbed).append("stats", merged.toDocument());
        if (!shared) {
            days.replaceOne(eq("_id", dayId), doc, new ReplaceOptions().upsert(true));
        } else if (old == null) {
            try {
                days.insertOne(doc);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return 0; // another server compacted this day first
                }
                throw e;
            }
        } else {
            var unchanged = old.get("revision") == null ? and(eq("_id", dayId), exists("revision", false))
                    : and(eq("_id", dayId), eq("revision", revision));
            if (days.replaceOne(unchanged, doc).getMatchedCount() == 0) {
                return 0; // another server compacted this day since it was read
            }
        }
        parts.deleteMany(in("_id", absorbed));
        for (String batch : absorbedBatches) {
            if ("marked".equals(stages.get(batch))) {
                forgetIfAbsorbed(batch);
            }
        }
        return absorbed.size();
    }

    /** Drops every aggregate (for benchmarks that rebuild them). */
    public void clear() {
        parts.deleteMany(new Document());
        days.deleteMany(new Document());
        batches.deleteMany(new Document());
        touchpoints.deleteMany(new Document());
    }

    /** Writes a day document directly (benchmarks: aggregates equivalent to generated responses). */
    public void replaceDay(String touchpoint, LocalDate day, SatisfactionAggregate aggregate) {
        recordDay(touchpoint, day);
        String dayId = touchpoint + "|" + day;
        days.replaceOne(eq("_id", dayId), new Document("_id", dayId).append("touchpoint", touchpoint)
                .append("day", day.toString()).append("absorbed", List.of()).append("stats", aggregate.toDocument()),
                new ReplaceOptions().upsert(true));
    }
}

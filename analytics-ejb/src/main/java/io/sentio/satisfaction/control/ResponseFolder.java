package io.sentio.satisfaction.control;

import io.sentio.responses.control.ResponseStore;
import io.sentio.responses.entity.SurveyResponse;
import io.sentio.surveys.entity.SurveyTemplate;
import org.bson.types.ObjectId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Folds stored responses into per touchpoint × UTC day aggregates, crash-safe without transactions.
 *
 * <h2>Protocol</h2>
 * <ol>
 *   <li><b>Claim</b>: each candidate response not folded and in no batch is tagged with a fresh batch id B
 *       ({@link ResponseStore#claim}: atomic per response on a shared MongoDB; primary-key reads and writes on
 *       the single-node embedded store), so no response is ever in two batches.</li>
 *   <li><b>Aggregate</b>: the statistics of exactly the responses tagged B, grouped by (touchpoint, day of
 *       {@code receivedAt} in UTC), are written as part documents {@code B|touchpoint|day}
 *       ({@link AggregateStore#replacePart}, a replace: writing them twice is harmless), then B is recorded
 *       as completely written ({@link AggregateStore#recordPartsWritten}); only then may compaction absorb
 *       its parts.</li>
 *   <li><b>Mark</b>: the responses of B are marked {@code folded}, and B's record says so.</li>
 * </ol>
 * A crash between any two writes leaves responses that are tagged but not all marked; {@link #repair()}
 * (run at start) takes every such batch: if it is recorded as written, its parts (perhaps already absorbed
 * into day documents) stand and the members are just marked; otherwise none of its parts was absorbed, so
 * they are rewritten from all members from scratch before marking. Either way each response is counted
 * exactly once. On a MongoDB shared by several application servers it leaves batches younger than
 * {@link #SHARED_REPAIR_AGE} alone (the batch id is an ObjectId, stamped when the batch was created): such a
 * batch may still be being folded by another node, and re-folding it while its claim is half applied could
 * write parts from part of its members; a later repair takes it. Untagged unfolded responses (a lost
 * in-memory hint, data stored before folding existed) are found by {@link #pending()} and folded normally.
 *
 * <p>Not thread-safe: one folder thread per application server (the boundary serialises calls); folders on
 * several servers sharing a MongoDB are safe with each other through the atomic claim.
 */
public final class ResponseFolder {

    private static final System.Logger LOG = System.getLogger(ResponseFolder.class.getName());
    /** On a shared database, open batches younger than this may still be folded by another node (a fold takes milliseconds). */
    public static final Duration SHARED_REPAIR_AGE = Duration.ofMinutes(1);

    private final ResponseStore responses;
    private final AggregateStore aggregates;
    private final BiFunction<String, Integer, SurveyTemplate> templates;
    private final Duration repairAge;

    /** @param templates (template id, version) → template, for the items' constructs, measures and scales */
    /** A folder on a database no other application server folds from (the embedded store). */
    public ResponseFolder(ResponseStore responses, AggregateStore aggregates,
                          BiFunction<String, Integer, SurveyTemplate> templates) {
        this(responses, aggregates, templates, Duration.ZERO);
    }

    /** @param repairAge how old an open batch must be to be repaired ({@link #SHARED_REPAIR_AGE} when shared) */
    public ResponseFolder(ResponseStore responses, AggregateStore aggregates,
                          BiFunction<String, Integer, SurveyTemplate> templates, Duration repairAge) {
        this.responses = responses;
        this.aggregates = aggregates;
        this.templates = templates;
        this.repairAge = repairAge;
    }

    /**
     * Re-folds every batch that was claimed but not completely marked (a crash mid-fold), created at least
     * {@code repairAge} ago.
     *
     * @return ids of unfolded responses in no batch: the caller folds them
     */
    public List<String> repair() {
        Set<String> openBatches = new LinkedHashSet<>();
        List<String> unclaimed = new ArrayList<>();
        for (ResponseStore.Pending p : responses.unfolded()) {
            if (p.batch() != null) {
                openBatches.add(p.batch());
            } else {
                unclaimed.add(p.id());
            }
        }
        Instant settled = Instant.now().minus(repairAge);
        for (String batch : openBatches) {
            if (ObjectId.isValid(batch) && new ObjectId(batch).getDate().toInstant().isAfter(settled)) {
                continue;
            }
            List<SurveyResponse> members = responses.inBatch(batch);
            if (aggregates.partsWritten(batch)) {
                LOG.log(System.Logger.Level.INFO, "Marking batch {0} of {1} responses after an interrupted fold",
                        batch, members.size());
            } else {
                LOG.log(System.Logger.Level.INFO, "Re-folding batch {0} of {1} responses after an interrupted fold",
                        batch, members.size());
                writeParts(batch, members);
                aggregates.recordPartsWritten(batch);
            }
            responses.markFolded(members.stream().map(SurveyResponse::id).toList());
            aggregates.recordMembersMarked(batch);
        }
        return unclaimed;
    }

    /** Ids of every unfolded response in no batch (a full scan: at start, or after a failure). */
    public List<String> pending() {
        return responses.unfolded().stream().filter(p -> p.batch() == null).map(ResponseStore.Pending::id).toList();
    }

    /**
     * Folds the given responses (ids already folded or claimed elsewhere are skipped) as one batch.
     *
     * @return how many responses this batch folded
     */
    public Folded fold(Collection<String> ids) {
        String batch = new ObjectId().toHexString();
        List<SurveyResponse> claimed = responses.claim(List.copyOf(ids), batch);
        if (claimed.isEmpty()) {
            return new Folded(0, Set.of());
        }
        Set<String> touched = writeParts(batch, claimed);
        aggregates.recordPartsWritten(batch);
        responses.markFolded(claimed.stream().map(SurveyResponse::id).toList());
        aggregates.recordMembersMarked(batch);
        return new Folded(claimed.size(), touched);
    }

    /** What a fold did: responses folded and the touchpoints whose figures changed. */
    public record Folded(int responses, Set<String> touchpoints) {
    }

    private Set<String> writeParts(String batch, List<SurveyResponse> members) {
        Map<String, SatisfactionAggregate> groups = new LinkedHashMap<>();
        for (SurveyResponse r : members) {
            LocalDate day = LocalDate.ofInstant(r.receivedAt(), ZoneOffset.UTC);
            SatisfactionAggregate a = groups.computeIfAbsent(r.touchpoint() + "|" + day,
                    k -> SatisfactionAggregate.empty());
            a.add(templates.apply(r.template(), r.templateVersion()), r.answers());
        }
        Set<String> touched = new LinkedHashSet<>();
        groups.forEach((key, a) -> {
            int bar = key.indexOf('|');
            String touchpoint = key.substring(0, bar);
            LocalDate day = LocalDate.parse(key.substring(bar + 1));
            aggregates.recordDay(touchpoint, day);
            aggregates.replacePart(batch, touchpoint, day, a);
            touched.add(touchpoint);
        });
        return touched;
    }

    /**
     * Compacts the parts of every past day, and of any day with at least {@code threshold} parts, into
     * its day document.
     *
     * @return parts absorbed
     */
    public int compact(int threshold, LocalDate today) {
        int absorbed = 0;
        for (String[] tpDay : aggregates.compactable(threshold, today)) {
            absorbed += aggregates.compact(tpDay[0], LocalDate.parse(tpDay[1]));
        }
        return absorbed;
    }
}

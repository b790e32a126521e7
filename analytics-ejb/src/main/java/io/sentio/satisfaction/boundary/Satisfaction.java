package io.sentio.satisfaction.boundary;

import io.sentio.deployments.boundary.Deployments;
import io.sentio.deployments.entity.Deployment;
import io.sentio.problems.entity.DomainException;
import io.sentio.responses.control.ResponseStore;
import io.sentio.responses.boundary.StoredResponses;
import io.sentio.responses.entity.ResponseStored;
import io.sentio.satisfaction.control.AggregateStore;
import io.sentio.satisfaction.control.ItemMatrix;
import io.sentio.satisfaction.control.PlsBootstrap;
import io.sentio.satisfaction.control.PlsEstimator;
import io.sentio.satisfaction.control.ResponseFolder;
import io.sentio.satisfaction.control.SatisfactionAggregate;
import io.sentio.satisfaction.control.TouchpointAnalysis;
import io.sentio.satisfaction.control.TrendAnalysis;
import io.sentio.satisfaction.entity.InnerScheme;
import io.sentio.satisfaction.entity.InvalidModelException;
import io.sentio.satisfaction.entity.ItemScale;
import io.sentio.satisfaction.entity.MissingValues;
import io.sentio.satisfaction.entity.PathModel;
import io.sentio.satisfaction.entity.PlsResult;
import io.sentio.storage.boundary.MongoStorage;
import io.sentio.surveys.boundary.Surveys;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Satisfaction analytics per touchpoint, served from per-day aggregates only (never from response rows),
 * and ad hoc PLS analyses of a researcher's own data.
 *
 * <p>Folding: new responses are announced by {@link StoredResponses} as {@link ResponseStored} (an in-memory
 * hint, lost on a crash) and folded by a non-persistent timer every second in batches; at the first tick the folder repairs any
 * interrupted batch and picks up unfolded responses the hints missed (see {@link ResponseFolder}). The
 * timer never runs twice at once; a failed fold leaves its responses unfolded and triggers a full rescan.
 *
 * <p>Concurrency: bean-managed; reads need no lock (each report merges what the store holds at that moment,
 * which always counts every folded response exactly once).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Satisfaction {

    private static final System.Logger LOG = System.getLogger(Satisfaction.class.getName());

    /** Responses per fold batch. */
    static final int BATCH = 1000;
    /** Parts of one touchpoint-day after which they are compacted into its day document. */
    static final int COMPACT_THRESHOLD = 8;
    /** Parametric bootstrap replicates behind the report intervals. */
    static final int REPORT_SAMPLES = 400;
    /** Upper bound on bootstrap resamples of an ad hoc analysis. */
    public static final int MAX_ANALYSIS_SAMPLES = 5000;

    @Inject
    MongoStorage storage;

    @Inject
    Surveys surveys;

    @Inject
    Deployments deployments;

    @Inject
    StoredResponses stored;

    private AggregateStore aggregates;
    private ResponseFolder folder;
    private final TouchpointAnalysis analysis = new TouchpointAnalysis(REPORT_SAMPLES);
    private final ConcurrentLinkedQueue<String> hints = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean folding = new AtomicBoolean();
    /** Headline figures per touchpoint, stamped with the data generation they were computed from. */
    private final Map<String, Cached> summaries = new ConcurrentHashMap<>();
    /** Per touchpoint: bumped after every fold that changed it. */
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    /** Bumped after a repair or a failed fold (any touchpoint may have changed). */
    private final java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();

    private record Cached(long epoch, long generation, TouchpointAnalysis.TouchpointSummary summary) {
    }
    /** Seconds between rescans on a shared MongoDB (indexed there: {@code folded} has an index). */
    private static final int SHARED_RESCAN_TICKS = 300;
    private boolean shared;
    private volatile boolean rescan = true;
    private long ticks;

    @PostConstruct
    void start() {
        stored.follow(response -> hints.add(response.id()));
        shared = !storage.isEmbedded();
        ResponseStore responses = new ResponseStore(storage.database(), storage::awaitDurable, shared);
        aggregates = new AggregateStore(storage.database(), shared);
        aggregates.ensureIndexes();
        folder = new ResponseFolder(responses, aggregates, (id, version) -> surveys.template(id, version),
                shared ? ResponseFolder.SHARED_REPAIR_AGE : Duration.ZERO);
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        if (!folding.compareAndSet(false, true)) {
            return;
        }
        try {
            if (rescan) {
                rescan = false;
                hints.addAll(folder.repair());
                epoch.incrementAndGet();
            }
            List<String> batch = new ArrayList<>(BATCH);
            String id;
            while ((id = hints.poll()) != null) {
                batch.add(id);
                if (batch.size() == BATCH) {
                    folded(folder.fold(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                folded(folder.fold(batch));
            }
            if (shared && ticks % SHARED_RESCAN_TICKS == 0) {
                // other nodes' interrupted batches, and batches too young to repair at the last rescan
                rescan = true;
            }
            if (++ticks % 15 == 0) {
                folder.compact(COMPACT_THRESHOLD, LocalDate.now(ZoneOffset.UTC));
            }
        } catch (RuntimeException e) {
            rescan = true;
            epoch.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "Folding responses into satisfaction aggregates failed; will rescan", e);
        } finally {
            folding.set(false);
        }
    }

    private void folded(ResponseFolder.Folded folded) {
        folded.touchpoints().forEach(tp -> generations.merge(tp, 1L, Long::sum));
    }

    // ------------------------------------------------------------------------------------------

    /** The report of a touchpoint over [from, to] (inclusive UTC days; null: unbounded). */
    public TouchpointAnalysis.TouchpointReport report(String touchpoint, LocalDate from, LocalDate to) {
        checkRange(from, to);
        var days = known(touchpoint, from, to);
        long seed = Objects.hash(touchpoint, from, to);
        return domain(() -> analysis.report(touchpoint, from, to, days, templates(), seed));
    }

    /**
     * Every touchpoint with data or a deployment, with all-time headline figures. Summaries are cached
     * per touchpoint, stamped with the touchpoint's fold generation read <em>before</em> its aggregates;
     * a fold bumps the generation after writing, so a cached summary is used only if no fold changed the
     * touchpoint since its data was read: never stale.
     */
    public List<TouchpointAnalysis.TouchpointSummary> touchpoints() {
        var names = new TreeSet<>(aggregates.touchpoints().keySet());
        deployments.all().stream().map(Deployment::touchpoint).forEach(names::add);
        Map<String, SurveyTemplate> templates = templates();
        List<TouchpointAnalysis.TouchpointSummary> result = new ArrayList<>();
        for (String tp : names) {
            long e = epoch.get();
            long g = generations.getOrDefault(tp, 0L);
            Cached cached = summaries.get(tp);
            if (cached == null || cached.epoch() != e || cached.generation() != g) {
                var days = aggregates.read(tp, null, null).getOrDefault(tp, new TreeMap<>());
                cached = new Cached(e, g, analysis.summary(tp, days, templates));
                summaries.put(tp, cached);
            }
            result.add(cached.summary());
        }
        return result;
    }

    /** The trend of a touchpoint by week, month, quarter or year. */
    public TouchpointAnalysis.Trend trend(String touchpoint, String period, LocalDate from, LocalDate to) {
        TrendAnalysis.Granularity granularity;
        try {
            granularity = TrendAnalysis.Granularity.parse(period == null ? "month" : period);
        } catch (InvalidModelException e) {
            throw DomainException.invalid("period", "must be week, month, quarter or year");
        }
        checkRange(from, to);
        var days = known(touchpoint, from, to);
        long seed = Objects.hash(touchpoint, period, from, to);
        return domain(() -> analysis.trend(touchpoint, granularity, from, to, days, templates(), seed));
    }

    /**
     * An ad hoc PLS path model analysis with an optional nonparametric bootstrap.
     *
     * @throws DomainException (invalid input) naming what is wrong with the data, model or settings
     */
    public PlsResult analyse(String csv, PathModel model, InnerScheme scheme, ItemScale scale, MissingValues missing,
                             int samples, long seed) {
        if (samples < 0 || samples > MAX_ANALYSIS_SAMPLES) {
            throw DomainException.invalid("bootstrap.samples", "must be between 0 and " + MAX_ANALYSIS_SAMPLES);
        }
        return domain(() -> {
            ItemMatrix data = ItemMatrix.parseCsv(csv);
            PlsEstimator estimator = new PlsEstimator(model,
                    PlsEstimator.Settings.defaults().withScheme(scheme).withScale(scale).withMissing(missing));
            return new PlsBootstrap(estimator).estimate(data, samples, seed);
        });
    }

    // ------------------------------------------------------------------------------------------

    private TreeMap<LocalDate, SatisfactionAggregate> known(String touchpoint, LocalDate from, LocalDate to) {
        if (touchpoint == null || !Deployment.SLUG.matcher(touchpoint).matches()) {
            throw DomainException.invalid("touchpoint", "must be a lower-case slug like 'web' or 'phone'");
        }
        var days = aggregates.read(touchpoint, from, to).getOrDefault(touchpoint, new TreeMap<>());
        if (days.isEmpty() && deployments.all().stream().noneMatch(d -> d.touchpoint().equals(touchpoint))
                && !aggregates.touchpoints().containsKey(touchpoint)) {
            throw DomainException.notFound("no touchpoint " + touchpoint + " (no deployment and no responses)");
        }
        return days;
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.invalid("to", "must not be before from (" + from + ")");
        }
    }

    /** Latest version of every template. */
    private Map<String, SurveyTemplate> templates() {
        Map<String, SurveyTemplate> latest = new LinkedHashMap<>();
        surveys.templates().stream().sorted(Comparator.comparingInt(SurveyTemplate::version))
                .forEach(t -> latest.put(t.id(), t));
        return latest;
    }

    /** Runs statistics code, turning its invalid-input exceptions into problems naming the field. */
    private static <T> T domain(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidModelException e) {
            throw invalid(e);
        }
    }

    /** "field: reason" messages become a violation of that field. */
    public static DomainException invalid(InvalidModelException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z0-9_.\\[\\]-]+")) {
            return DomainException.invalid(message.substring(0, colon), message.substring(colon + 2));
        }
        return DomainException.invalid("body", message);
    }
}

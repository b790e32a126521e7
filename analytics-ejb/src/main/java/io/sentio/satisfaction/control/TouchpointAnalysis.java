package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.Construct;
import io.sentio.satisfaction.entity.IndicatorMoments;
import io.sentio.satisfaction.entity.IndicatorStatistics;
import io.sentio.satisfaction.entity.Interval;
import io.sentio.satisfaction.entity.MeanEstimate;
import io.sentio.satisfaction.entity.MissingValues;
import io.sentio.satisfaction.entity.Mode;
import io.sentio.satisfaction.entity.NpsCounts;
import io.sentio.satisfaction.entity.NpsScore;
import io.sentio.satisfaction.entity.CsatScore;
import io.sentio.satisfaction.entity.Path;
import io.sentio.satisfaction.entity.PathModel;
import io.sentio.satisfaction.entity.Period;
import io.sentio.satisfaction.entity.PlsResult;
import io.sentio.satisfaction.entity.RatingCounts;
import io.sentio.satisfaction.entity.TrendChange;
import io.sentio.surveys.entity.SurveyItem;
import io.sentio.surveys.entity.SurveyTemplate;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns aggregates of a touchpoint into the figures a CX manager reads: the ACSI (and ECSI) model
 * estimated by PLS from the merged moments, its parametric-bootstrap intervals ({@link MomentBootstrap}),
 * NPS, CSAT, CES, the expectation gap, and trends with the significance of each change.
 *
 * <h2>Index scales</h2>
 * Each construct index is 100·Σ w̃_k (x̄_k − min_k)/(max_k − min_k) with the ACSI-rescaled weights of
 * {@link PlsEstimator} and <em>each item's own scale</em> from its template: 1–10 for the ratings, 0–1 for
 * the complaint item {@code CC1}, so the complaints index is the percentage of customers who complained
 * (a single-indicator block has w̃ = 1).
 *
 * <h2>Degenerate data</h2>
 * An item without variance (everyone gave the same answer) has no correlation, so it is left out of the
 * PLS estimation with a warning; a construct left without items is left out with its paths (their
 * figures are null) and its index is the equally weighted mean-based index of its items. Fewer than
 * {@link #MIN_CASES} responses of a model give null figures and a warning, never an error.
 *
 * <p>Stateless apart from settings; thread-safe.
 */
public final class TouchpointAnalysis {

    /** Fewest responses of a model for which PLS is attempted. */
    public static final int MIN_CASES = 10;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private final int samples;
    private final TrendAnalysis trends = new TrendAnalysis();

    /** @param samples parametric bootstrap replicates per model estimate (0: no intervals) */
    public TouchpointAnalysis(int samples) {
        this.samples = samples;
    }

    // ------------------------------------------------------------------------------------------
    // Results

    /** One inner path; null figures when not estimable. */
    public record PathFigure(String from, String to, Double coefficient, Interval ci95) {
    }

    /**
     * A satisfaction model's figures for a touchpoint.
     *
     * @param n          responses of the model's template
     * @param index      the satisfaction index 0–100 (null when not estimable)
     * @param ci95       its parametric-bootstrap percentile interval (null without enough data)
     * @param standardError bootstrap standard error of {@code index} (NaN when unknown)
     */
    public record ModelFigures(String template, long n, Double index, Interval ci95, double standardError,
                               Map<String, Double> indexes, Map<String, Interval> indexesCi95,
                               List<PathFigure> paths, Map<String, Double> rSquared, Double gof,
                               int bootstrapSamples, List<String> warnings) {
    }

    /** CSAT as served: mean with t interval, top-two-box share with Wilson interval, on its scale. */
    public record CsatFigures(CsatScore score, int scaleMin, int scaleMax) {
    }

    /** CES as served. */
    public record CesFigures(MeanEstimate score, int scaleMin, int scaleMax) {
    }

    public record TouchpointReport(String touchpoint, LocalDate from, LocalDate to, long responses,
                                   LocalDate firstDay, LocalDate lastDay, ModelFigures acsi, ModelFigures ecsi,
                                   NpsScore nps, CsatFigures csat, CesFigures ces, Double expectationGap,
                                   List<String> warnings) {
    }

    public record TouchpointSummary(String touchpoint, long responses, Double acsiIndex, Double nps,
                                    LocalDate lastDay) {
    }

    /** One period of a trend with the change from the previous period (null for the first). */
    public record TrendPoint(String period, LocalDate from, LocalDate to, long responses, NpsScore nps,
                             Long acsiResponses, Double acsiIndex, Interval acsiCi95, TrendChange npsChange,
                             TrendChange acsiChange, boolean smallSample) {
    }

    public record Trend(String touchpoint, String period, LocalDate from, LocalDate to, List<TrendPoint> series,
                        List<String> warnings) {
    }

    // ------------------------------------------------------------------------------------------

    /** The full report of a touchpoint from its per-day aggregates in the range. */
    public TouchpointReport report(String touchpoint, LocalDate from, LocalDate to,
                                   SortedMap<LocalDate, SatisfactionAggregate> days, Map<String, SurveyTemplate> templates,
                                   long seed) {
        SatisfactionAggregate total = SatisfactionAggregate.empty();
        days.values().forEach(total::merge);
        List<String> warnings = new ArrayList<>();
        if (total.responses() == 0) {
            warnings.add("responses: no responses in this range");
        }
        ModelFigures acsi = model("acsi", total, templates, seed, samples);
        ModelFigures ecsi = total.moments("ecsi") == null ? null : model("ecsi", total, templates, seed + 1, samples);
        NpsScore nps = null;
        RatingCounts npsRatings = total.ratings("nps");
        if (npsRatings != null && npsRatings.min() == 0 && npsRatings.max() == 10 && npsRatings.total() > 0) {
            nps = SatisfactionMetrics.nps(NpsCounts.of(npsRatings));
            if (npsRatings.total() < TrendAnalysis.DEFAULT_SMALL_SAMPLE) {
                warnings.add("nps: only " + npsRatings.total() + " answers; the interval is wide and approximate");
            }
        } else {
            warnings.add("nps: no answers to a 0–10 likelihood-to-recommend question");
        }
        CsatFigures csat = null;
        RatingCounts c = total.ratings("csat");
        if (c != null && c.total() > 0) {
            csat = new CsatFigures(SatisfactionMetrics.csat(c), c.min(), c.max());
        }
        CesFigures ces = null;
        RatingCounts e = total.ratings("ces");
        if (e != null && e.total() > 0) {
            ces = new CesFigures(SatisfactionMetrics.ces(e), e.min(), e.max());
        }
        for (String measure : List.of("nps", "csat", "ces")) {
            if (total.scalesOf(measure) > 1) {
                warnings.add(measure + ": answered on several scales; only the most used scale is reported");
            }
        }
        Double gap = null;
        if (acsi.indexes() != null && acsi.indexes().get("quality") != null
                && acsi.indexes().get("expectation") != null) {
            gap = acsi.indexes().get("quality") - acsi.indexes().get("expectation");
        }
        acsi.warnings().forEach(w -> warnings.add("acsi: " + w));
        if (ecsi != null) {
            ecsi.warnings().forEach(w -> warnings.add("ecsi: " + w));
        }
        return new TouchpointReport(touchpoint, from, to, total.responses(), days.isEmpty() ? null : days.firstKey(),
                days.isEmpty() ? null : days.lastKey(), acsi, ecsi, nps, csat, ces, gap, warnings);
    }

    /** Headline figures (point estimates only). */
    public TouchpointSummary summary(String touchpoint, SortedMap<LocalDate, SatisfactionAggregate> days,
                                     Map<String, SurveyTemplate> templates) {
        SatisfactionAggregate total = SatisfactionAggregate.empty();
        days.values().forEach(total::merge);
        ModelFigures acsi = model("acsi", total, templates, 0, 0);
        RatingCounts npsRatings = total.ratings("nps");
        Double nps = npsRatings != null && npsRatings.total() > 0 && npsRatings.min() == 0 && npsRatings.max() == 10
                ? SatisfactionMetrics.nps(npsRatings).score() : null;
        return new TouchpointSummary(touchpoint, total.responses(), acsi.index(), nps,
                days.isEmpty() ? null : days.lastKey());
    }

    /** Per-period series with NPS (z test) and ACSI index (z test on bootstrap standard errors) changes. */
    public Trend trend(String touchpoint, TrendAnalysis.Granularity granularity, LocalDate from, LocalDate to,
                       SortedMap<LocalDate, SatisfactionAggregate> days, Map<String, SurveyTemplate> templates,
                       long seed) {
        Map<String, SatisfactionAggregate> periods = new LinkedHashMap<>();
        Map<String, LocalDate[]> bounds = new LinkedHashMap<>();
        days.forEach((day, a) -> {
            String label = granularity.label(day);
            periods.computeIfAbsent(label, k -> SatisfactionAggregate.empty()).merge(a);
            bounds.computeIfAbsent(label, k -> periodBounds(granularity, day));
        });
        List<TrendPoint> series = new ArrayList<>();
        TrendPoint previous = null;
        ModelFigures previousAcsi = null;
        List<String> warnings = new ArrayList<>();
        int i = 0;
        for (var entry : periods.entrySet()) {
            SatisfactionAggregate a = entry.getValue();
            RatingCounts r = a.ratings("nps");
            NpsCounts counts = r != null && r.min() == 0 && r.max() == 10 ? NpsCounts.of(r) : new NpsCounts(0, 0, 0);
            NpsScore nps = counts.total() > 0 ? SatisfactionMetrics.nps(counts) : null;
            ModelFigures acsi = model("acsi", a, templates, seed + i++, Math.min(samples, 200));
            TrendChange npsChange = null;
            TrendChange acsiChange = null;
            if (previous != null) {
                NpsCounts before = previous.nps() == null ? new NpsCounts(0, 0, 0)
                        : new NpsCounts(previous.nps().promoters(), previous.nps().passives(), previous.nps().detractors());
                npsChange = trends.npsChanges(List.of(new Period<>(previous.period(), before),
                        new Period<>(entry.getKey(), counts))).getFirst();
                acsiChange = indexChange(previous.period(), previousAcsi, entry.getKey(), acsi);
            }
            boolean small = a.responses() < TrendAnalysis.DEFAULT_SMALL_SAMPLE;
            LocalDate[] b = bounds.get(entry.getKey());
            TrendPoint point = new TrendPoint(entry.getKey(), b[0], b[1], a.responses(), nps,
                    acsi.n(), acsi.index(), acsi.ci95(), npsChange, acsiChange, small);
            series.add(point);
            previous = point;
            previousAcsi = acsi;
        }
        if (series.stream().anyMatch(TrendPoint::smallSample)) {
            warnings.add("periods with fewer than " + TrendAnalysis.DEFAULT_SMALL_SAMPLE
                    + " responses are flagged smallSample: their changes are unreliable");
        }
        return new Trend(touchpoint, granularity.name().toLowerCase(), from, to, series, warnings);
    }

    /**
     * z = (I₂ − I₁)/√(se₁² + se₂²) with each se the parametric-bootstrap standard error of the index
     * (independent periods); p = 2(1 − Φ(|z|)).
     */
    private static TrendChange indexChange(String fromLabel, ModelFigures a, String toLabel, ModelFigures b) {
        String test = "z (ACSI index, parametric bootstrap standard errors)";
        boolean small = a.n() < TrendAnalysis.DEFAULT_SMALL_SAMPLE || b.n() < TrendAnalysis.DEFAULT_SMALL_SAMPLE;
        if (a.index() == null || b.index() == null) {
            return new TrendChange(fromLabel, toLabel, a.n(), b.n(), nan(a.index()), nan(b.index()), Double.NaN,
                    Double.NaN, false, true, test);
        }
        double diff = b.index() - a.index();
        double se = Math.sqrt(a.standardError() * a.standardError() + b.standardError() * b.standardError());
        double p = Double.isFinite(se) && se > 0 ? 2 * NORMAL.cumulativeProbability(-Math.abs(diff / se)) : Double.NaN;
        return new TrendChange(fromLabel, toLabel, a.n(), b.n(), a.index(), b.index(), diff, p, p < 0.05, small, test);
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static LocalDate[] periodBounds(TrendAnalysis.Granularity g, LocalDate day) {
        return switch (g) {
            case WEEK -> {
                LocalDate start = day.minusDays(day.getDayOfWeek().getValue() - 1L);
                yield new LocalDate[] {start, start.plusDays(6)};
            }
            case MONTH -> new LocalDate[] {day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth())};
            case QUARTER -> {
                LocalDate start = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
                yield new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
            }
            case YEAR -> new LocalDate[] {LocalDate.of(day.getYear(), 1, 1), LocalDate.of(day.getYear(), 12, 31)};
        };
    }

    // ------------------------------------------------------------------------------------------
    // Models

    /** The standard path model of a template: ACSI for every template, plus the image paths for ECSI. */
    static List<Path> paths(String template) {
        List<Path> paths = new ArrayList<>(PathModel.ACSI_PATHS);
        if (template.equals("ecsi")) {
            paths.addAll(PathModel.ECSI_IMAGE_PATHS);
        }
        return paths;
    }

    static List<String> constructs(String template) {
        List<String> cs = new ArrayList<>();
        if (template.equals("ecsi")) {
            cs.add("image");
        }
        cs.addAll(PathModel.ACSI_CONSTRUCTS);
        return cs;
    }

    /** Figures of a template's model from the merged moments; null figures with warnings when not estimable. */
    ModelFigures model(String templateId, SatisfactionAggregate total, Map<String, SurveyTemplate> templates,
                       long seed, int replicates) {
        List<String> constructs = constructs(templateId);
        List<Path> allPaths = paths(templateId);
        IndicatorMoments moments = total.moments(templateId);
        long n = moments == null ? 0 : moments.rows();
        List<String> warnings = new ArrayList<>();
        SurveyTemplate template = templates.get(templateId);
        if (n < MIN_CASES || template == null) {
            warnings.add(n + " responses; at least " + MIN_CASES + " are needed to estimate the model");
            return empty(templateId, n, constructs, allPaths, warnings);
        }
        IndicatorStatistics stats;
        try {
            stats = moments.statistics(MissingValues.MEAN_REPLACEMENT);
        } catch (RuntimeException e) {
            warnings.add("not estimable: " + e.getMessage());
            return empty(templateId, n, constructs, allPaths, warnings);
        }
        Map<String, Integer> pos = stats.positions();
        double[] sd = stats.standardDeviations();
        Map<String, double[]> scales = new LinkedHashMap<>();
        List<Construct> kept = new ArrayList<>();
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        for (String c : constructs) {
            List<String> items = new ArrayList<>();
            List<String> usable = new ArrayList<>();
            for (SurveyItem item : template.itemsOf(c)) {
                if (!pos.containsKey(item.name())) {
                    continue;
                }
                items.add(item.name());
                scales.put(item.name(), new double[] {item.scaleMin(), item.scaleMax()});
                if (sd[pos.get(item.name())] > 0) {
                    usable.add(item.name());
                } else {
                    warnings.add("item " + item.name() + " has no variation (every answer is the same) and is left out"
                            + " of the estimation");
                }
            }
            blocks.put(c, items);
            if (!usable.isEmpty()) {
                kept.add(new Construct(c, usable, Mode.A));
            } else if (!items.isEmpty()) {
                warnings.add("construct " + c + " cannot be estimated (no item varies); its paths are null and its"
                        + " index is the plain mean of its items");
            }
        }
        List<String> keptNames = kept.stream().map(Construct::name).toList();
        if (!keptNames.contains("satisfaction")) {
            warnings.add("the satisfaction construct cannot be estimated");
            return empty(templateId, n, constructs, allPaths, warnings);
        }
        List<Path> keptPaths = allPaths.stream()
                .filter(p -> keptNames.contains(p.from()) && keptNames.contains(p.to())).toList();
        PlsEstimator estimator = new PlsEstimator(new PathModel(kept, keptPaths), PlsEstimator.Settings.defaults());
        PlsResult point;
        try {
            point = estimator.estimate(stats);
        } catch (RuntimeException e) {
            warnings.add("not estimable: " + e.getMessage());
            return empty(templateId, n, constructs, allPaths, warnings);
        }
        point.warnings().stream().filter(w -> !w.startsWith("index: indicator")).forEach(warnings::add);
        Map<String, Double> indexes = indexes(point, stats, constructs, blocks, scales);
        // Replicates: satisfaction index, every construct index, every kept path, every R².
        List<String> endo = point.rSquared().keySet().stream().toList();
        int cols = 1 + constructs.size() + keptPaths.size() + endo.size();
        double[][] reps = new double[replicates][];
        int failed = 0;
        var bootstrap = replicates > 0 ? MomentBootstrap.of(stats, seed) : java.util.Optional.<MomentBootstrap>empty();
        if (replicates > 0 && bootstrap.isEmpty()) {
            warnings.add("no confidence intervals: too few responses or a singular covariance matrix");
        }
        if (bootstrap.isPresent()) {
            MomentBootstrap boot = bootstrap.get();
            // Replicates are independent (own random stream each): estimate them on all cores.
            java.util.stream.IntStream.range(0, replicates).parallel().forEach(b -> {
                IndicatorStatistics s = boot.draw(b);
                double[] row = new double[cols];
                try {
                    PlsResult r = estimator.estimate(s);
                    Map<String, Double> idx = indexes(r, s, constructs, blocks, scales);
                    int k = 0;
                    row[k++] = nan(idx.get("satisfaction"));
                    for (String c : constructs) {
                        row[k++] = nan(idx.get(c));
                    }
                    for (Path p : keptPaths) {
                        row[k++] = r.path(p.from(), p.to());
                    }
                    for (String e : endo) {
                        row[k++] = r.rSquared().get(e);
                    }
                    reps[b] = row;
                } catch (RuntimeException e) {
                    reps[b] = null;
                }
            });
            failed = (int) java.util.Arrays.stream(reps).filter(java.util.Objects::isNull).count();
            if (failed > 0) {
                warnings.add(failed + " of " + replicates + " bootstrap replicates could not be estimated");
            }
        }
        boolean withCi = bootstrap.isPresent() && failed < replicates;
        int k = 0;
        Interval indexCi = withCi ? MomentBootstrap.percentile95(column(reps, k)) : null;
        double se = withCi ? MomentBootstrap.standardError(column(reps, k)) : Double.NaN;
        k++;
        Map<String, Interval> indexCis = new LinkedHashMap<>();
        for (String c : constructs) {
            indexCis.put(c, withCi ? MomentBootstrap.percentile95(column(reps, k)) : null);
            k++;
        }
        List<PathFigure> paths = new ArrayList<>();
        Map<String, Interval> pathCis = new LinkedHashMap<>();
        for (Path p : keptPaths) {
            pathCis.put(p.toString(), withCi ? MomentBootstrap.percentile95(column(reps, k)) : null);
            k++;
        }
        for (Path p : allPaths) {
            boolean estimated = keptPaths.contains(p);
            paths.add(new PathFigure(p.from(), p.to(), estimated ? point.path(p.from(), p.to()) : null,
                    estimated ? pathCis.get(p.toString()) : null));
        }
        Map<String, Double> r2 = new LinkedHashMap<>();
        for (String c : constructs) {
            if (allPaths.stream().anyMatch(p -> p.to().equals(c))) {
                r2.put(c, point.rSquared().get(c));
            }
        }
        return new ModelFigures(templateId, n, indexes.get("satisfaction"), indexCi, se, indexes, indexCis, paths, r2,
                Double.isFinite(point.gof()) ? point.gof() : null, withCi ? replicates : 0, warnings);
    }

    /**
     * Construct indexes with each item's own scale (see the class comment); blocks left out of the
     * estimation get equal weights.
     */
    static Map<String, Double> indexes(PlsResult result, IndicatorStatistics stats, List<String> constructs,
                                       Map<String, List<String>> blocks, Map<String, double[]> scales) {
        Map<String, Integer> pos = stats.positions();
        Map<String, Double> out = new LinkedHashMap<>();
        for (String c : constructs) {
            List<String> items = blocks.getOrDefault(c, List.of());
            if (items.isEmpty()) {
                out.put(c, null);
                continue;
            }
            double wsum = 0;
            for (String i : items) {
                wsum += result.indexWeights().getOrDefault(i, 0.0);
            }
            boolean estimated = wsum > 0;
            double index = 0;
            for (String i : items) {
                double w = estimated ? result.indexWeights().getOrDefault(i, 0.0) / wsum : 1.0 / items.size();
                double[] sc = scales.get(i);
                index += w * (stats.means()[pos.get(i)] - sc[0]) / (sc[1] - sc[0]);
            }
            out.put(c, Double.isFinite(index) ? 100 * index : null);
        }
        return out;
    }

    private static double[] column(double[][] reps, int k) {
        double[] out = new double[reps.length];
        for (int b = 0; b < reps.length; b++) {
            out[b] = reps[b] == null ? Double.NaN : reps[b][k];
        }
        return out;
    }

    private static ModelFigures empty(String template, long n, List<String> constructs, List<Path> paths,
                                      List<String> warnings) {
        Map<String, Double> indexes = new LinkedHashMap<>();
        Map<String, Interval> cis = new LinkedHashMap<>();
        constructs.forEach(c -> {
            indexes.put(c, null);
            cis.put(c, null);
        });
        Map<String, Double> r2 = new LinkedHashMap<>();
        paths.stream().map(Path::to).distinct().forEach(c -> r2.put(c, null));
        return new ModelFigures(template, n, null, null, Double.NaN, indexes, cis,
                paths.stream().map(p -> new PathFigure(p.from(), p.to(), null, null)).toList(), r2, null, 0, warnings);
    }
}

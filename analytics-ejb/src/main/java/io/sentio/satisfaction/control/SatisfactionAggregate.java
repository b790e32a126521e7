package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.IndicatorMoments;
import io.sentio.satisfaction.entity.RatingCounts;
import io.sentio.surveys.entity.SurveyItem;
import io.sentio.surveys.entity.SurveyTemplate;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Mergeable sufficient statistics of a set of survey responses (one touchpoint and day, a batch's share
 * of it, or a whole report range). Everything a report needs is here, so reports never read responses:
 * <ul>
 *   <li>{@code responses}: how many responses;</li>
 *   <li>per template with latent constructs ({@code acsi}, {@code ecsi}, {@code touchpoint}):
 *       {@link IndicatorMoments} of its construct items in the order asked, centred on each item's scale
 *       midpoint (an integer or half-integer, so sums of integer answers stay exact in binary);</li>
 *   <li>per stand-alone measure item ({@code nps}, {@code csat}, {@code ces}, any other rated measure):
 *       {@link RatingCounts} per scale point, which give n, Σx, Σx², top-two-box and NPS buckets.
 *       Keyed {@code measure@min..max} so that answers on different scales are never pooled.</li>
 * </ul>
 * Merging is exact and associative (counts and exact sums), so re-folding and compaction in any grouping
 * give the same figures. Not thread-safe; the {@link #toDocument() document form} is what is stored.
 */
public final class SatisfactionAggregate {

    private long responses;
    private final Map<String, IndicatorMoments> moments = new TreeMap<>();
    private final Map<String, RatingCounts> ratings = new TreeMap<>();

    public static SatisfactionAggregate empty() {
        return new SatisfactionAggregate();
    }

    public long responses() {
        return responses;
    }

    /** Moments of a template's construct items, if any response of that template was added. */
    public IndicatorMoments moments(String template) {
        return moments.get(template);
    }

    /** Rating counts of a measure; with answers on several scales, the scale with the most answers. */
    public RatingCounts ratings(String measure) {
        RatingCounts best = null;
        for (var e : ratings.entrySet()) {
            if (e.getKey().startsWith(measure + "@") && (best == null || e.getValue().total() > best.total())) {
                best = e.getValue();
            }
        }
        return best;
    }

    /** How many different scales a measure was answered on (more than one earns a warning). */
    public long scalesOf(String measure) {
        return ratings.keySet().stream().filter(k -> k.startsWith(measure + "@")).count();
    }

    /**
     * Adds one response of {@code template}. Unanswered or non-numeric answers of a construct item are
     * missing values; ratings outside the item's scale are ignored (the collection API refuses them).
     */
    public void add(SurveyTemplate template, Map<String, Object> answers) {
        responses++;
        List<SurveyItem> indicators = indicators(template);
        if (!indicators.isEmpty()) {
            IndicatorMoments m = moments.computeIfAbsent(template.id(), id -> IndicatorMoments.centeredAt(
                    indicators.stream().map(SurveyItem::name).toList(),
                    indicators.stream().mapToDouble(i -> (i.scaleMin() + i.scaleMax()) / 2.0).toArray()));
            double[] row = new double[indicators.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = number(answers.get(indicators.get(j).name()));
            }
            m.add(row);
        }
        for (SurveyItem item : template.items()) {
            if (item.measure() == null || !item.hasScale() || "comment".equals(item.measure())) {
                continue;
            }
            double x = number(answers.get(item.name()));
            if (Double.isNaN(x) || x != Math.rint(x) || x < item.scaleMin() || x > item.scaleMax()) {
                continue;
            }
            String key = item.measure() + "@" + item.scaleMin() + ".." + item.scaleMax();
            RatingCounts old = ratings.get(key);
            long[] counts = old == null ? new long[item.scaleMax() - item.scaleMin() + 1] : old.counts();
            counts[(int) x - item.scaleMin()]++;
            ratings.put(key, new RatingCounts(item.scaleMin(), item.scaleMax(), counts));
        }
    }

    /** Adds every response counted in {@code other}. */
    public void merge(SatisfactionAggregate other) {
        responses += other.responses;
        other.moments.forEach((k, v) -> {
            IndicatorMoments mine = moments.get(k);
            if (mine == null) {
                moments.put(k, v.copy());
            } else {
                mine.merge(v);
            }
        });
        other.ratings.forEach((k, v) -> ratings.merge(k, v, RatingCounts::plus));
    }

    /** The construct items of a template, in the order asked: the indicators its path model uses. */
    static List<SurveyItem> indicators(SurveyTemplate template) {
        return template.items().stream().filter(i -> i.construct() != null && i.hasScale()).toList();
    }

    private static double number(Object answer) {
        return switch (answer) {
            case Number n -> n.doubleValue();
            case String s -> {
                try {
                    yield Double.parseDouble(s.strip());
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
            case Boolean b -> b ? 1 : 0;
            case null, default -> Double.NaN;
        };
    }

    // ------------------------------------------------------------------------------------------
    // Stored form

    /** The BSON form: {@code {responses, moments: {template: {...}}, ratings: {key: {min, max, counts}}}}. */
    public Document toDocument() {
        Document ms = new Document();
        moments.forEach((template, m) -> {
            IndicatorMoments.Snapshot s = m.snapshot();
            Document d = new Document("names", s.names()).append("shift", list(s.shift()))
                    .append("rows", s.rows()).append("complete", s.complete())
                    .append("sum", list(s.sum())).append("cross", list(s.cross()));
            if (s.rows() > s.complete()) {
                d.append("pairCount", Arrays.stream(s.pairCount()).boxed().toList())
                        .append("pairSumJ", list(s.pairSumJ())).append("pairSumK", list(s.pairSumK()))
                        .append("pairCross", list(s.pairCross()));
            }
            ms.append(template, d);
        });
        Document rs = new Document();
        ratings.forEach((key, r) -> rs.append(key.replace('.', '_'), new Document("measure", key.substring(0, key.indexOf('@')))
                .append("min", r.min()).append("max", r.max()).append("counts", Arrays.stream(r.counts()).boxed().toList())));
        return new Document("responses", responses).append("moments", ms).append("ratings", rs);
    }

    /** Reads {@link #toDocument()}'s form. */
    public static SatisfactionAggregate fromDocument(Document doc) {
        SatisfactionAggregate a = new SatisfactionAggregate();
        a.responses = ((Number) doc.get("responses")).longValue();
        Document ms = doc.get("moments", Document.class);
        if (ms != null) {
            ms.forEach((template, value) -> {
                Document d = (Document) value;
                List<String> names = d.getList("names", String.class);
                int t = names.size() * (names.size() + 1) / 2;
                long rows = ((Number) d.get("rows")).longValue();
                long complete = ((Number) d.get("complete")).longValue();
                boolean pairs = d.containsKey("pairCount");
                a.moments.put(template, IndicatorMoments.restore(new IndicatorMoments.Snapshot(names,
                        doubles(d, "shift", names.size()), rows, complete, doubles(d, "sum", names.size()),
                        doubles(d, "cross", t),
                        pairs ? d.getList("pairCount", Number.class).stream().mapToLong(Number::longValue).toArray()
                                : new long[t],
                        pairs ? doubles(d, "pairSumJ", t) : new double[t], pairs ? doubles(d, "pairSumK", t) : new double[t],
                        pairs ? doubles(d, "pairCross", t) : new double[t])));
            });
        }
        Document rs = doc.get("ratings", Document.class);
        if (rs != null) {
            rs.values().forEach(value -> {
                Document r = (Document) value;
                int min = r.getInteger("min");
                int max = r.getInteger("max");
                long[] counts = r.getList("counts", Number.class).stream().mapToLong(Number::longValue).toArray();
                a.ratings.merge(r.getString("measure") + "@" + min + ".." + max, new RatingCounts(min, max, counts),
                        RatingCounts::plus);
            });
        }
        return a;
    }

    private static List<Double> list(double[] values) {
        List<Double> l = new ArrayList<>(values.length);
        for (double v : values) {
            l.add(v);
        }
        return l;
    }

    private static double[] doubles(Document d, String field, int length) {
        List<Number> l = Objects.requireNonNull(d.getList(field, Number.class), field);
        double[] out = new double[length];
        if (l.size() != length) {
            throw new IllegalStateException("aggregate field " + field + " has " + l.size() + " values, expected " + length);
        }
        for (int i = 0; i < length; i++) {
            Number n = l.get(i);
            out[i] = n == null ? Double.NaN : n.doubleValue();
        }
        return out;
    }

    /** Ratings keyed {@code measure@min..max}, for tests and diagnostics. */
    Map<String, RatingCounts> allRatings() {
        return new LinkedHashMap<>(ratings);
    }
}

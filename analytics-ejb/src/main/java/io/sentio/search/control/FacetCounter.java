package io.sentio.search.control;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Exact facet counts over every document a query matches: for each dimension, the number of matching
 * documents per value of its single-valued sorted doc values field.
 *
 * <p>Counting runs on segment ordinals (an {@code int[]} per field and segment) and resolves ordinals to
 * values once per segment, so no global ordinal map is needed and a refresh costs nothing here. The default
 * dimensions are read from one packed field ({@link CommentSchema#PACKED_FACETS}): one ordinal per matching
 * document for all of them, split into the dimensions' values when the segment is done (the combinations are
 * few: touchpoints × languages × sentiments × sources). Other dimensions have a field each. Also counts the
 * matching documents ({@link Counts#total()}). One collector per search slice; {@link #reduce} merges them.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Counts> {

    /** Total matches and, per dimension, value → count ordered by descending count then value. */
    record Counts(long total, Map<String, Map<String, Long>> facets) {
    }

    private final List<String> dimensions;

    FacetCounter(List<String> dimensions) {
        this.dimensions = List.copyOf(dimensions);
    }

    @Override
    public Counting newCollector() {
        return new Counting(dimensions);
    }

    @Override
    public Counts reduce(Collection<Counting> collectors) {
        long total = 0;
        Map<String, Map<String, Long>> merged = new HashMap<>();
        for (Counting c : collectors) {
            total += c.total;
            c.counts.forEach((dim, values) -> values.forEach(
                    (v, n) -> merged.computeIfAbsent(dim, d -> new HashMap<>()).merge(v, n, Long::sum)));
        }
        Map<String, Map<String, Long>> ordered = new LinkedHashMap<>();
        for (String dim : dimensions) {
            Map<String, Long> values = new LinkedHashMap<>();
            merged.getOrDefault(dim, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> values.put(e.getKey(), e.getValue()));
            ordered.put(dim, values);
        }
        return new Counts(total, ordered);
    }

    static final class Counting implements Collector {
        private final List<String> dimensions;
        private final Map<String, Map<String, Long>> counts = new HashMap<>();
        private long total;

        Counting(List<String> dimensions) {
            this.dimensions = dimensions;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            List<String> separate = dimensions.stream().filter(dim -> !CommentSchema.DEFAULT_FACETS.contains(dim)).toList();
            boolean packed = separate.size() < dimensions.size();
            int d = separate.size() + (packed ? 1 : 0);
            SortedDocValues[] values = new SortedDocValues[d];
            int[][] ordCounts = new int[d][];
            for (int i = 0; i < d; i++) {
                values[i] = DocValues.getSorted(context.reader(),
                        i < separate.size() ? separate.get(i) : CommentSchema.PACKED_FACETS);
                ordCounts[i] = new int[values[i].getValueCount()];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    for (int i = 0; i < d; i++) {
                        if (values[i].advanceExact(doc)) {
                            ordCounts[i][values[i].ordValue()]++;
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < d; i++) {
                        for (int ord = 0; ord < ordCounts[i].length; ord++) {
                            if (ordCounts[i][ord] == 0) {
                                continue;
                            }
                            String value = values[i].lookupOrd(ord).utf8ToString();
                            if (i < separate.size()) {
                                add(separate.get(i), value, ordCounts[i][ord]);
                            } else {
                                addPacked(value, ordCounts[i][ord]);
                            }
                        }
                    }
                }
            };
        }

        /** Splits a packed value into the default dimensions and counts those requested. */
        private void addPacked(String packed, int count) {
            int from = 0;
            for (String dim : CommentSchema.DEFAULT_FACETS) {
                int to = packed.indexOf(CommentSchema.PACK_SEPARATOR, from);
                String value = packed.substring(from, to < 0 ? packed.length() : to);
                if (dimensions.contains(dim)) {
                    add(dim, value, count);
                }
                from = to + 1;
            }
        }

        private void add(String dimension, String value, long count) {
            counts.computeIfAbsent(dimension, k -> new HashMap<>()).merge(value, count, Long::sum);
        }
    }
}

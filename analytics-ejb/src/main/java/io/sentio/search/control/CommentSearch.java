package io.sentio.search.control;

import io.sentio.search.entity.CommentHit;
import io.sentio.search.entity.CommentLanguage;
import io.sentio.search.entity.CommentPage;
import io.sentio.search.entity.CommentQuery;
import io.sentio.search.entity.InvalidQueryException;
import java.io.IOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Answers comment searches: parses and bounds the query ({@link CommentQueryParser}), applies the
 * filters, returns one page in a stable order with an authenticated search-after cursor
 * ({@link CursorCodec}), exact facet counts over the whole filtered result set ({@link FacetCounter})
 * and HTML-safe snippets.
 *
 * <p>Snippets come from Lucene's {@link UnifiedHighlighter} on the stored text, with the matches of the
 * comment's language field and of the shared field masked onto it (both re-analysed from the stored text,
 * so no offsets are stored in the index). The formatter HTML-escapes all text ({@code & < > " ' /}) and
 * adds only {@code <mark>} and {@code </mark>}. Passages aim at {@value #SNIPPET_GOAL} characters on
 * sentence boundaries.
 *
 * <p>Every search runs with a time budget of {@value #TIME_BUDGET_MS} ms; exceeding it (which the
 * parser's bounds make unlikely) is reported as an {@link InvalidQueryException} rather than returning
 * inexact counts. Thread-safe.
 */
public final class CommentSearch {

    static final int SNIPPET_GOAL = 160;
    static final long TIME_BUDGET_MS = 5_000;
    private static final Set<String> HIT_FIELDS = Set.of(CommentSchema.ID, CommentSchema.SOURCE,
            CommentSchema.RESPONSE_ID, CommentSchema.TOUCHPOINT, CommentSchema.LANGUAGE, CommentSchema.DATE,
            CommentSchema.SENTIMENT);

    private final CommentIndex index;
    private final CommentQueryParser parser;
    private final CursorCodec cursors;

    /**
     * @param index the comment index
     * @param cursorKey secret of at least 16 bytes authenticating cursors; share it between nodes
     */
    public CommentSearch(CommentIndex index, byte[] cursorKey) {
        this.index = index;
        this.parser = new CommentQueryParser(index.schema().analyzer(), CommentSchema.SEARCH_FIELDS);
        this.cursors = new CursorCodec(cursorKey);
    }

    /** One page with the contract facets (touchpoint, language, sentiment) and the comment source. */
    public CommentPage search(CommentQuery q) {
        return search(q, CommentSchema.DEFAULT_FACETS);
    }

    /** One page with facet counts for the given dimensions (a subset of {@link CommentSchema#FACETABLE}). */
    public CommentPage search(CommentQuery q, List<String> facetDimensions) {
        for (String dim : facetDimensions) {
            if (!CommentSchema.FACETABLE.contains(dim)) {
                throw new InvalidQueryException("facets: '" + dim + "' is not one of " + CommentSchema.FACETABLE);
            }
        }
        Query text = parser.parse(q.text());
        Query query = filtered(text, q);
        boolean relevance = q.order() == CommentQuery.Order.RELEVANCE;
        Sort sort = relevance
                ? new Sort(SortField.FIELD_SCORE, dateDescending(), new SortField(CommentSchema.ID, SortField.Type.STRING))
                : new Sort(dateDescending(), new SortField(CommentSchema.ID, SortField.Type.STRING));
        long fingerprint = CursorCodec.fingerprint(canonical(q));
        FieldDoc after = null;
        if (q.after() != null) {
            CursorCodec.Position p = cursors.decode(q.after(), fingerprint);
            BytesRef id = new BytesRef(p.id());
            after = relevance
                    ? new FieldDoc(Integer.MAX_VALUE, p.score(), new Object[] {p.score(), p.date(), id})
                    : new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {p.date(), id});
        }
        FieldDoc afterDoc = after;
        return index.withSearcher(shared -> {
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setTimeout(new QueryTimeoutImpl(TIME_BUDGET_MS));
            TopFieldCollectorManager top = new TopFieldCollectorManager(sort, q.size() + 1, afterDoc, q.size() + 1);
            FacetCounter facets = new FacetCounter(facetDimensions);
            Object[] results = searcher.search(query, new MultiCollectorManager(top, facets));
            if (searcher.timedOut()) {
                throw new InvalidQueryException("q: the search took longer than " + TIME_BUDGET_MS + " ms; narrow it down");
            }
            TopFieldDocs docs = (TopFieldDocs) results[0];
            FacetCounter.Counts counts = (FacetCounter.Counts) results[1];
            int n = Math.min(q.size(), docs.scoreDocs.length);
            List<CommentHit> hits = hits(searcher, text, docs.scoreDocs, n);
            String next = null;
            if (docs.scoreDocs.length > q.size()) {
                FieldDoc last = (FieldDoc) docs.scoreDocs[n - 1];
                CommentHit lastHit = hits.get(n - 1);
                float score = relevance ? (Float) last.fields[0] : Float.NaN;
                next = cursors.encode(fingerprint, new CursorCodec.Position(score, lastHit.date().toEpochMilli(), lastHit.id()));
            }
            return new CommentPage(counts.total(), hits, counts.facets(), next);
        });
    }

    private List<CommentHit> hits(IndexSearcher searcher, Query text, ScoreDoc[] scoreDocs, int n) throws IOException {
        StoredFields stored = searcher.storedFields();
        Document[] docs = new Document[n];
        Map<CommentLanguage, List<Integer>> byLanguage = new EnumMap<>(CommentLanguage.class);
        for (int i = 0; i < n; i++) {
            docs[i] = stored.document(scoreDocs[i].doc, HIT_FIELDS);
            byLanguage.computeIfAbsent(CommentLanguage.fromTag(docs[i].get(CommentSchema.LANGUAGE)), l -> new ArrayList<>()).add(i);
        }
        String[] snippets = new String[n];
        for (Map.Entry<CommentLanguage, List<Integer>> group : byLanguage.entrySet()) {
            List<Integer> positions = group.getValue();
            int[] ids = positions.stream().mapToInt(i -> scoreDocs[i].doc).toArray();
            String[] highlighted = highlighter(searcher, group.getKey())
                    .highlightFields(new String[] {CommentSchema.TEXT}, text, ids, new int[] {1})
                    .get(CommentSchema.TEXT);
            for (int k = 0; k < positions.size(); k++) {
                snippets[positions.get(k)] = highlighted[k];
            }
        }
        List<CommentHit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Document d = docs[i];
            hits.add(new CommentHit(d.get(CommentSchema.ID), d.get(CommentSchema.SOURCE), d.get(CommentSchema.RESPONSE_ID),
                    d.get(CommentSchema.TOUCHPOINT), d.get(CommentSchema.LANGUAGE),
                    Instant.ofEpochMilli(d.getField(CommentSchema.DATE).numericValue().longValue()),
                    snippets[i] == null ? "" : snippets[i], d.get(CommentSchema.SENTIMENT)));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher, CommentLanguage language) {
        Set<String> masked = language == CommentLanguage.UNKNOWN
                ? Set.of(CommentSchema.TEXT_ALL)
                : Set.of(CommentSchema.fieldFor(language), CommentSchema.TEXT_ALL);
        return UnifiedHighlighter.builder(searcher, index.schema().analyzer())
                .withMaskedFieldsFunc(field -> CommentSchema.TEXT.equals(field) ? masked : null)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_GOAL, 0.5f))
                .withMaxLength(10_000)
                // Term-level highlighting from a plain token stream: no per-document MemoryIndex, which
                // dominated search latency; a phrase's words are marked wherever they occur in the passage.
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(false)
                .withPassageRelevancyOverSpeed(false)
                .build();
    }

    private static Query filtered(Query text, CommentQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(text, text instanceof MatchAllDocsQuery ? Occur.FILTER : Occur.MUST);
        if (q.touchpoint() != null) {
            b.add(new TermQuery(new Term(CommentSchema.TOUCHPOINT, q.touchpoint())), Occur.FILTER);
        }
        if (q.language() != null) {
            b.add(new TermQuery(new Term(CommentSchema.LANGUAGE, q.language().tag())), Occur.FILTER);
        }
        if (q.sentiment() != null) {
            b.add(new TermQuery(new Term(CommentSchema.SENTIMENT, q.sentiment().tag())), Occur.FILTER);
        }
        if (q.source() != null) {
            b.add(new TermQuery(new Term(CommentSchema.SOURCE, q.source().tag())), Occur.FILTER);
        }
        if (q.from() != null || q.to() != null) {
            long lo = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
            long hi = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1;
            b.add(new IndexOrDocValuesQuery(LongPoint.newRangeQuery(CommentSchema.DATE, lo, hi),
                    NumericDocValuesField.newSlowRangeQuery(CommentSchema.DATE, lo, hi)), Occur.FILTER);
        }
        return b.build();
    }

    private static SortField dateDescending() {
        return new SortField(CommentSchema.DATE, SortField.Type.LONG, true);
    }

    private static String canonical(CommentQuery q) {
        return String.join("\u0001", String.valueOf(q.text()), String.valueOf(q.touchpoint()),
                q.language() == null ? "" : q.language().tag(), q.sentiment() == null ? "" : q.sentiment().tag(),
                q.source() == null ? "" : q.source().tag(), String.valueOf(q.from()), String.valueOf(q.to()), q.order().name());
    }
}

package io.sentio.search.control;

import io.sentio.search.entity.CommentLanguage;
import io.sentio.search.entity.InvalidQueryException;
import io.sentio.search.entity.KeyTerm;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.QueryBuilder;

/**
 * Significant terms of a foreground set of comments (a touchpoint in a period) against the background
 * (every other comment), ranked by Dunning's log-likelihood ratio.
 *
 * <p>Statistic (Dunning 1993, "Accurate Methods for the Statistics of Surprise and Coincidence",
 * Computational Linguistics 19(1), eq. for the 2×2 case): for a term, the document table
 * <pre>
 *                 foreground   background
 *   with term          a            b
 *   without term       c            d
 * </pre>
 * gives G² = 2 Σ O·ln(O/E) with E the expected cell counts under independence, computed in the
 * equivalent entropy form 2·[Σ k ln k − Σ rows ln rows − Σ cols ln cols + N ln N] (0 ln 0 = 0).
 * Counts are documents (comments containing the term), not occurrences, so one long comment repeating a
 * word does not make it "key". Only terms relatively more frequent in the foreground than in the
 * background are reported (G² itself is two-sided).
 *
 * <p>Terms: words as the comment's language analyzer indexes them (English Porter stems, Chinese SmartCN
 * or ICU words folded to simplified), stop words excluded, numbers and single Latin letters excluded;
 * for English also two-word phrases of adjacent words in one clause, neither a stop word (a removed stop
 * word or punctuation between them breaks adjacency). Chinese single characters are not reported alone;
 * two adjacent single characters (what a segmenter leaves of a word missing from its dictionary, e.g.
 * 闪退 "crashes") are joined into one word. English terms are counted in the English field; Chinese
 * words as character phrases in the shared field, which covers both scripts and both segmenters.
 * Each term is shown in its most frequent written form in the foreground. Comments of unknown
 * language are not analysed.
 *
 * <p>Bounds: at most {@value #MAX_SAMPLE} foreground comments are re-analysed from stored text (a
 * uniform random sample with a fixed seed when the foreground is larger, so results are reproducible)
 * to discover candidates; the best {@value #MAX_WORD_CANDIDATES} words (pre-ranked with index document
 * frequencies) and {@value #MAX_PHRASE_CANDIDATES} phrases (by sample frequency) then get exact
 * foreground and background counts from the index, so reported counts and scores are exact even when
 * the discovery was sampled. Terms in fewer than {@value #MIN_COUNT} foreground comments are not reported. Cost: sample analysis plus 2 counting queries per candidate.
 *
 * <p>Thread-safe.
 */
public final class KeyTerms {

    static final int MAX_SAMPLE = 5_000;
    static final int MAX_WORD_CANDIDATES = 150;
    static final int MAX_PHRASE_CANDIDATES = 50;
    static final int MIN_SAMPLE_COUNT = 2;
    /** Minimum exact foreground count, as Elasticsearch's significant_terms min_doc_count default: rarer terms are noise. */
    static final int MIN_COUNT = 3;
    static final int MAX_SIZE = 100;
    private static final long SAMPLE_SEED = 20_250_101L;
    private static final List<String> WORD_FIELDS =
            List.of(CommentSchema.TEXT_EN, CommentSchema.TEXT_ZH_CN, CommentSchema.TEXT_ZH_TW);
    private static final Set<String> SAMPLE_FIELDS = Set.of(CommentSchema.TEXT, CommentSchema.LANGUAGE);

    private final CommentIndex index;

    public KeyTerms(CommentIndex index) {
        this.index = index;
    }

    /** Key terms of a touchpoint in [from, to) (either bound may be null) against all other comments. */
    public List<KeyTerm> forTouchpoint(String touchpoint, Instant from, Instant to, int size) {
        if (touchpoint == null || touchpoint.isBlank()) {
            throw new InvalidQueryException("touchpoint: is required");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("from: must be before to");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(CommentSchema.TOUCHPOINT, touchpoint)), Occur.FILTER);
        if (from != null || to != null) {
            b.add(LongPoint.newRangeQuery(CommentSchema.DATE, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                    to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1), Occur.FILTER);
        }
        return significant(b.build(), size);
    }

    /** Key terms of the comments matching {@code foreground} against all other comments. */
    public List<KeyTerm> significant(Query foreground, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size: " + size + " is outside 1.." + MAX_SIZE);
        }
        return index.withSearcher(searcher -> rank(searcher, foreground, size));
    }

    private List<KeyTerm> rank(IndexSearcher searcher, Query foreground, int size) throws IOException {
        int[] fgDocs = matching(searcher, foreground);
        long fgN = fgDocs.length;
        long n = searcher.getIndexReader().numDocs();
        long bgN = n - fgN;
        if (fgN == 0 || bgN == 0) {
            return List.of();
        }
        int[] sample = sample(fgDocs);
        Map<String, Candidate> candidates = analyse(searcher, sample);
        double scale = (double) fgN / sample.length;

        IndexReader reader = searcher.getIndexReader();
        List<Candidate> words = new ArrayList<>();
        List<Candidate> phrases = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            if (c.sampleCount < Math.min(MIN_SAMPLE_COUNT, sample.length)) {
                continue;
            }
            if (c.phrase) {
                phrases.add(c);
            } else {
                long df = 0;
                for (String f : WORD_FIELDS) {
                    df += reader.docFreq(new Term(f, c.key));
                }
                if (!isLatin(c.key) && df == 0) {
                    df = Math.round(c.sampleCount * scale); // merged characters: no index term; rank by sample
                }
                long a = Math.min(fgN, Math.round(c.sampleCount * scale));
                c.preScore = overRepresented(a, Math.max(0, df - a), fgN, bgN)
                        ? logLikelihoodRatio(a, Math.max(0, df - a), fgN - a, Math.max(0, bgN - Math.max(0, df - a))) : 0;
                words.add(c);
            }
        }
        words.sort(Comparator.comparingDouble((Candidate c) -> -c.preScore).thenComparing(c -> c.key));
        phrases.sort(Comparator.comparingLong((Candidate c) -> -c.sampleCount).thenComparing(c -> c.key));
        List<Candidate> chosen = new ArrayList<>(words.subList(0, Math.min(MAX_WORD_CANDIDATES, words.size())));
        chosen.addAll(phrases.subList(0, Math.min(MAX_PHRASE_CANDIDATES, phrases.size())));

        List<KeyTerm> out = new ArrayList<>();
        for (Candidate c : chosen) {
            Query term = c.query(index.schema().analyzerFor(CommentLanguage.UNKNOWN));
            long total = searcher.count(term);
            long a = searcher.count(new BooleanQuery.Builder().add(term, Occur.MUST).add(foreground, Occur.FILTER).build());
            long b = total - a;
            if (a < MIN_COUNT || !overRepresented(a, b, fgN, bgN)) {
                continue;
            }
            out.add(new KeyTerm(c.surface(), logLikelihoodRatio(a, b, fgN - a, bgN - b), a));
        }
        out.sort(Comparator.comparingDouble((KeyTerm k) -> -k.score()).thenComparing(KeyTerm::term));
        return out.size() > size ? List.copyOf(out.subList(0, size)) : List.copyOf(out);
    }

    private static boolean overRepresented(long a, long b, long fgN, long bgN) {
        return (double) a / fgN > (double) b / bgN;
    }

    /**
     * Dunning's G² for the 2×2 table [[a, b], [c, d]] (rows: with/without the term; columns:
     * foreground/background). Non-negative; 0 when the rows are proportional.
     */
    public static double logLikelihoodRatio(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("G²: cell counts must be non-negative: " + a + ", " + b + ", " + c + ", " + d);
        }
        long n = a + b + c + d;
        if (n == 0) {
            return 0;
        }
        double cells = xlogx(a) + xlogx(b) + xlogx(c) + xlogx(d);
        double rows = xlogx(a + b) + xlogx(c + d);
        double cols = xlogx(a + c) + xlogx(b + d);
        double g2 = 2 * (cells - rows - cols + xlogx(n));
        return Math.max(0, g2); // rounding can leave −1e-12 for independent tables
    }

    private static double xlogx(long k) {
        return k == 0 ? 0 : k * Math.log(k);
    }

    private static int[] matching(IndexSearcher searcher, Query q) throws IOException {
        Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1);
        int[] docs = new int[64];
        int count = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer s = w.scorer(leaf);
            if (s == null) {
                continue;
            }
            var live = leaf.reader().getLiveDocs();
            DocIdSetIterator it = s.iterator();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (live != null && !live.get(d)) {
                    continue;
                }
                if (count == docs.length) {
                    docs = java.util.Arrays.copyOf(docs, count * 2);
                }
                docs[count++] = leaf.docBase + d;
            }
        }
        return java.util.Arrays.copyOf(docs, count);
    }

    private static int[] sample(int[] docs) {
        if (docs.length <= MAX_SAMPLE) {
            return docs;
        }
        int[] copy = docs.clone();
        Random rnd = new Random(SAMPLE_SEED);
        for (int i = 0; i < MAX_SAMPLE; i++) { // partial Fisher-Yates: the first MAX_SAMPLE are a uniform sample
            int j = i + rnd.nextInt(copy.length - i);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        int[] s = java.util.Arrays.copyOf(copy, MAX_SAMPLE);
        java.util.Arrays.sort(s); // stored fields read best in doc order
        return s;
    }

    private Map<String, Candidate> analyse(IndexSearcher searcher, int[] sample) throws IOException {
        StoredFields stored = searcher.storedFields();
        Map<String, Candidate> out = new HashMap<>();
        for (int doc : sample) {
            Document d = stored.document(doc, SAMPLE_FIELDS);
            CommentLanguage language = CommentLanguage.fromTag(d.get(CommentSchema.LANGUAGE));
            if (language == CommentLanguage.UNKNOWN) {
                continue;
            }
            String text = d.get(CommentSchema.TEXT);
            Set<String> seen = new HashSet<>();
            Analyzer analyzer = index.schema().analyzerFor(language);
            try (TokenStream ts = analyzer.tokenStream(CommentSchema.fieldFor(language), text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                String prev = null;
                int prevStart = -1;
                int prevEnd = -1;
                while (ts.incrementToken()) {
                    String t = term.toString();
                    boolean usable = isUsable(t);
                    boolean latin = isLatin(t);
                    boolean singleHan = !latin && t.length() == 1;
                    int start = offset.startOffset();
                    int end = offset.endOffset();
                    String surface = text.substring(start, end).toLowerCase(Locale.ROOT);
                    if (usable && !singleHan) {
                        add(out, seen, t, surface, false, null, null);
                    }
                    // Pairs of adjacent tokens in the same clause: English two-word phrases, and Chinese
                    // characters the segmenter left single (words missing from its dictionary, such as 闪退).
                    boolean adjacent = usable && prev != null && inc.getPositionIncrement() == 1
                            && text.substring(prevEnd, start).isBlank();
                    if (adjacent && latin && isLatin(prev) && language == CommentLanguage.EN) {
                        add(out, seen, prev + " " + t, text.substring(prevStart, end).toLowerCase(Locale.ROOT)
                                .replaceAll("\\s+", " "), true, prev, t);
                    } else if (adjacent && singleHan && prev.length() == 1 && !isLatin(prev) && prevEnd == start) {
                        add(out, seen, prev + t, text.substring(prevStart, end), false, null, null);
                    }
                    prev = usable ? t : null;
                    prevStart = start;
                    prevEnd = end;
                }
                ts.end();
            }
        }
        return out;
    }

    private static void add(Map<String, Candidate> out, Set<String> seen, String key, String surface, boolean phrase,
                            String first, String second) {
        Candidate c = out.computeIfAbsent(key, k -> new Candidate(k, phrase, first, second));
        c.surfaces.merge(surface, 1, Integer::sum);
        if (seen.add(key)) {
            c.sampleCount++;
        }
    }

    private static boolean isUsable(String t) {
        boolean letter = false;
        for (int i = 0; i < t.length(); i++) {
            letter |= Character.isLetter(t.charAt(i));
        }
        if (!letter) {
            return false;
        }
        return !(t.length() == 1 && isLatin(t)) && !StopWords.ALL.contains(t);
    }

    private static boolean isLatin(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.UnicodeScript.of(t.charAt(i)) == Character.UnicodeScript.HAN) {
                return false;
            }
        }
        return true;
    }

    private static final class Candidate {
        final String key;
        final boolean phrase;
        final String first;
        final String second;
        final Map<String, Integer> surfaces = new HashMap<>();
        long sampleCount;
        double preScore;

        Candidate(String key, boolean phrase, String first, String second) {
            this.key = key;
            this.phrase = phrase;
            this.first = first;
            this.second = second;
        }

        Query query(Analyzer mixed) {
            if (phrase) {
                return new PhraseQuery(CommentSchema.TEXT_EN, first, second);
            }
            if (!isLatin(key)) {
                // Chinese words: the character phrase in the shared field, which every comment has whatever
                // its segmenter or script (traditional folded), so the two segmenters cannot disagree.
                Query q = new QueryBuilder(mixed).createPhraseQuery(CommentSchema.TEXT_ALL, key);
                return q == null ? new org.apache.lucene.search.MatchNoDocsQuery() : q;
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String f : WORD_FIELDS) {
                b.add(new TermQuery(new Term(f, key)), Occur.SHOULD);
            }
            return b.build();
        }

        String surface() {
            return surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse(key);
        }
    }
}

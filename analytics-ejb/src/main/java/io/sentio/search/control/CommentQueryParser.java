package io.sentio.search.control;

import io.sentio.search.entity.InvalidQueryException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Turns the user's query text into a Lucene query over all language fields, or rejects it fast.
 *
 * <p>Supported syntax: words, {@code "phrases"}, {@code AND}/{@code OR}/{@code NOT}, {@code +}/{@code -},
 * parentheses and a trailing {@code *} (prefix, at least {@value #MIN_PREFIX} characters). Words are
 * ANDed by default. Each word is analysed by the analyzer of each field
 * ({@link CommentSchema#SEARCH_FIELDS}) and matched in any of them, so the language of the query needs
 * no declaring; a word that a field's analyzer splits into several tokens (Chinese) becomes a phrase.
 * Every other query-parser operator ({@code : ~ ^ [ ] { } / \ ! ? | &}) is escaped, so users typing
 * "price: too high" or "why?" get what they typed, and internal fields cannot be addressed.
 *
 * <p>Hostile input is bounded before the parser runs (at most {@value #MAX_LENGTH} characters,
 * {@value #MAX_DEPTH} levels of parentheses, {@value #MAX_OPERANDS} words/operators) and after
 * (at most {@value #MAX_LEAVES} leaf queries after multi-field expansion; leading and inner wildcards
 * are refused): each violation is an {@link InvalidQueryException} naming {@code q}. Prefix queries use
 * Lucene's blended constant-score rewrite, whose cost is bounded by the number of matching terms.
 *
 * <p>Thread-safe: a new classic parser (not thread-safe itself) is made per call.
 */
public final class CommentQueryParser {

    static final int MAX_LENGTH = 1_000;
    static final int MAX_DEPTH = 10;
    static final int MAX_OPERANDS = 64;
    static final int MAX_LEAVES = 512;
    static final int MIN_PREFIX = 2;
    private static final String ESCAPED = ":~^[]{}/\\!?|&";

    private final Analyzer analyzer;
    private final List<String> fields;

    public CommentQueryParser(Analyzer perFieldAnalyzer, List<String> fields) {
        this.analyzer = perFieldAnalyzer;
        this.fields = List.copyOf(fields);
    }

    /** The query for {@code text}; match-all for blank text. */
    public Query parse(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidQueryException("q: " + text.length() + " characters, at most " + MAX_LENGTH);
        }
        checkShape(text);
        QueryParser parser = parser();
        Query query;
        try {
            query = parser.parse(escape(text));
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidQueryException("q: " + reason(e), e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("q: too many terms", e);
        } catch (StackOverflowError e) {
            throw new InvalidQueryException("q: nested too deeply");
        }
        checkLeaves(query);
        return onlyNegative(query) ? withMatchAll(query) : query;
    }

    private QueryParser parser() {
        MultiFieldQueryParser p = new MultiFieldQueryParser(fields.toArray(String[]::new), analyzer) {
            @Override
            protected Query getPrefixQuery(String field, String termStr) throws ParseException {
                if (termStr.codePointCount(0, termStr.length()) < MIN_PREFIX) {
                    throw new ParseException("prefix '" + termStr + "*' is shorter than " + MIN_PREFIX + " characters");
                }
                return super.getPrefixQuery(field, termStr);
            }

            @Override
            protected Query getWildcardQuery(String field, String termStr) throws ParseException {
                throw new ParseException("wildcards are only supported at the end of a word (e.g. refund*)");
            }

            @Override
            protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
                throw new ParseException("fuzzy queries are not supported");
            }

            @Override
            protected Query getRegexpQuery(String field, String termStr) throws ParseException {
                throw new ParseException("regular expressions are not supported");
            }

            @Override
            protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                          boolean endInclusive) throws ParseException {
                throw new ParseException("ranges are not supported; use from and to");
            }
        };
        p.setDefaultOperator(QueryParser.Operator.AND);
        p.setSplitOnWhitespace(true);
        p.setAutoGeneratePhraseQueries(true);
        p.setAllowLeadingWildcard(false);
        p.setMultiTermRewriteMethod(MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
        return p;
    }

    private static void checkShape(String text) {
        int depth = 0;
        int operands = 0;
        boolean inWord = false;
        boolean inQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inQuote = !inQuote;
            }
            if (!inQuote) {
                if (c == '(') {
                    if (++depth > MAX_DEPTH) {
                        throw new InvalidQueryException("q: parentheses nested deeper than " + MAX_DEPTH + " levels");
                    }
                } else if (c == ')') {
                    depth = Math.max(0, depth - 1);
                }
            }
            boolean wordChar = !Character.isWhitespace(c) && c != '(' && c != ')';
            if (wordChar && !inWord && ++operands > MAX_OPERANDS) {
                throw new InvalidQueryException("q: more than " + MAX_OPERANDS + " words and operators");
            }
            inWord = wordChar;
        }
    }

    private static void checkLeaves(Query query) {
        int[] leaves = new int[1];
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
                leaves[0] += terms.length;
            }

            @Override
            public void visitLeaf(Query q) {
                leaves[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (leaves[0] > MAX_LEAVES) {
            throw new InvalidQueryException("q: expands to " + leaves[0] + " terms, at most " + MAX_LEAVES);
        }
    }

    private static boolean onlyNegative(Query q) {
        return q instanceof BooleanQuery b && !b.clauses().isEmpty()
                && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT);
    }

    private static Query withMatchAll(Query negative) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        for (BooleanClause c : ((BooleanQuery) negative).clauses()) {
            b.add(c);
        }
        return b.build();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? "cannot be parsed" : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        if (m.startsWith("Cannot parse '")) {
            int colon = m.indexOf("': ");
            m = colon > 0 ? m.substring(colon + 3) : "cannot be parsed";
        }
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}

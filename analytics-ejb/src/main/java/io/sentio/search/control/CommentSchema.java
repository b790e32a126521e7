package io.sentio.search.control;

import io.sentio.search.entity.CommentDocument;
import io.sentio.search.entity.CommentLanguage;
import io.sentio.search.entity.Sentiment;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * The layout of a comment in the Lucene index: field names, which analyzer reads which text field, and
 * the mapping from {@link CommentDocument} to a Lucene {@link Document}.
 *
 * <p>Text is stored once ({@link #TEXT}, stored only, for snippets and key terms) and indexed twice: in
 * the field of its analysis language ({@link #TEXT_EN}, {@link #TEXT_ZH_CN}, {@link #TEXT_ZH_TW}; none for
 * {@code unknown}) and in the shared {@link #TEXT_ALL} field ({@link MixedScriptAnalyzer}). Keyword fields
 * are indexed for filtering and deletion and carry sorted doc values for facet counting and sorting.
 * Bump {@link #VERSION} whenever the analysis or the layout changes: the index then asks for a rebuild.
 */
public final class CommentSchema {

    /** Schema version written into every commit. */
    public static final String VERSION = "2";

    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String RESPONSE_ID = "responseId";
    public static final String DEPLOYMENT = "deployment";
    public static final String CUSTOMER = "customer";
    public static final String SEGMENT = "segment";
    public static final String TOUCHPOINT = "touchpoint";
    public static final String LANGUAGE = "language";
    public static final String SENTIMENT = "sentiment";
    public static final String SCORE_BAND = "scoreBand";
    public static final String DATE = "date";
    public static final String TEXT = "text";
    public static final String TEXT_EN = "text_en";
    public static final String TEXT_ZH_CN = "text_zh_cn";
    public static final String TEXT_ZH_TW = "text_zh_tw";
    public static final String TEXT_ALL = "text_all";

    /** Fields every query is matched against; each is analysed by its own analyzer. */
    public static final List<String> SEARCH_FIELDS = List.of(TEXT_EN, TEXT_ZH_CN, TEXT_ZH_TW, TEXT_ALL);
    /** Dimensions counted as facets by default (the search contract's three and the source), and all countable ones. */
    public static final List<String> DEFAULT_FACETS = List.of(TOUCHPOINT, LANGUAGE, SENTIMENT, SOURCE);
    /**
     * One sorted doc-values field holding the {@link #DEFAULT_FACETS} values of a comment joined by
     * {@link #PACK_SEPARATOR}, in that order: facet counting then reads one value per matching document instead
     * of four (it was a third of a search's time). Those four fields have no doc values of their own.
     */
    public static final String PACKED_FACETS = "facets";
    static final char PACK_SEPARATOR = '\u001f';
    public static final List<String> FACETABLE = List.of(TOUCHPOINT, LANGUAGE, SENTIMENT, SCORE_BAND, SOURCE, SEGMENT);

    private static final String NONE = "none";

    private final EnglishCommentAnalyzer english = new EnglishCommentAnalyzer();
    private final SimplifiedChineseAnalyzer simplified = new SimplifiedChineseAnalyzer();
    private final TraditionalChineseAnalyzer traditional = new TraditionalChineseAnalyzer();
    private final MixedScriptAnalyzer mixed = new MixedScriptAnalyzer();
    private final Analyzer perField = new PerFieldAnalyzerWrapper(mixed,
            Map.of(TEXT_EN, english, TEXT_ZH_CN, simplified, TEXT_ZH_TW, traditional, TEXT_ALL, mixed));

    /** Analyzer dispatching on field name: use it for the writer, the query parser and the highlighter. */
    public Analyzer analyzer() {
        return perField;
    }

    /** The analyzer that reads text of the given language. */
    public Analyzer analyzerFor(CommentLanguage language) {
        return switch (language) {
            case EN -> english;
            case ZH_CN -> simplified;
            case ZH_TW -> traditional;
            case UNKNOWN -> mixed;
        };
    }

    /** The language-specific text field, or {@link #TEXT_ALL} for {@code unknown}. */
    public static String fieldFor(CommentLanguage language) {
        return switch (language) {
            case EN -> TEXT_EN;
            case ZH_CN -> TEXT_ZH_CN;
            case ZH_TW -> TEXT_ZH_TW;
            case UNKNOWN -> TEXT_ALL;
        };
    }

    /**
     * The Lucene document of a comment whose language and sentiment are already decided.
     *
     * @throws NullPointerException if {@code sentiment} is null (the index scores first)
     */
    Document toDocument(CommentDocument c, CommentLanguage language, Sentiment sentiment) {
        Document d = new Document();
        keyword(d, ID, c.id(), true, true);
        keyword(d, SOURCE, c.source().tag(), true, false);
        if (c.responseId() != null) {
            keyword(d, RESPONSE_ID, c.responseId(), true, false);
        }
        if (c.deployment() != null) {
            keyword(d, DEPLOYMENT, c.deployment(), true, false);
        }
        if (c.customerRef() != null) {
            keyword(d, CUSTOMER, c.customerRef(), false, false);
        }
        keyword(d, SEGMENT, c.customerSegment() == null ? NONE : c.customerSegment(), false, true);
        keyword(d, TOUCHPOINT, c.touchpoint(), true, false);
        keyword(d, LANGUAGE, language.tag(), true, false);
        keyword(d, SENTIMENT, sentiment.tag(), true, false);
        d.add(new SortedDocValuesField(PACKED_FACETS, new BytesRef(String.join(String.valueOf(PACK_SEPARATOR),
                c.touchpoint(), language.tag(), sentiment.tag(), c.source().tag()))));
        keyword(d, SCORE_BAND, c.scoreBand().tag(), true, true);
        long millis = c.date().toEpochMilli();
        d.add(new LongPoint(DATE, millis));
        d.add(new NumericDocValuesField(DATE, millis));
        d.add(new StoredField(DATE, millis));
        d.add(new StoredField(TEXT, c.text()));
        if (language != CommentLanguage.UNKNOWN) {
            d.add(new TextField(fieldFor(language), c.text(), Field.Store.NO));
        }
        d.add(new TextField(TEXT_ALL, c.text(), Field.Store.NO));
        return d;
    }

    private static void keyword(Document d, String name, String value, boolean stored, boolean docValues) {
        d.add(new StringField(name, value, stored ? Field.Store.YES : Field.Store.NO));
        if (docValues) {
            d.add(new SortedDocValuesField(name, new BytesRef(value)));
        }
    }
}

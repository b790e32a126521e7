package io.sentio.search.control;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * Traditional Chinese comments: ICU word segmentation (UAX #29 plus ICU's dictionary-based breaking of
 * Han runs), NFKC case folding (full-width Latin and digits become ASCII), then ICU's CLDR
 * {@code Traditional-Simplified} transform, so that every term is indexed in simplified form.
 *
 * <p>Decision: folding traditional onto simplified at index and query time lets 退貨 (traditional) and
 * 退货 (simplified) meet: a query in either script finds traditional comments. The cost is that the rare
 * pairs of traditional characters that fold to the same simplified one (e.g. 髮/發 → 发) become
 * indistinguishable in search; for comment search that recall is worth more than the precision.
 * Sentio's Chinese and English stop words apply after folding; Latin words are Porter-stemmed as in
 * the other analyzers. Thread-safe (the ICU transliterator is stateless).
 */
public final class TraditionalChineseAnalyzer extends Analyzer {

    static final Transliterator TRADITIONAL_TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        ICUTokenizer source = new ICUTokenizer();
        TokenStream result = new ICUNormalizer2Filter(source);
        result = new ICUTransformFilter(result, TRADITIONAL_TO_SIMPLIFIED);
        result = new StopFilter(result, StopWords.ALL);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUTransformFilter(new ICUNormalizer2Filter(in), TRADITIONAL_TO_SIMPLIFIED);
    }
}

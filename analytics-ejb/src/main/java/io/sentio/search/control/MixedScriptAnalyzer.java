package io.sentio.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * The shared fallback field every comment is indexed into, whatever its language: ICU segmentation
 * (handles Latin, Han and other scripts in one text) with Han emitted one character per token, NFKC
 * case folding, traditional→simplified folding, English and Chinese stop words, Porter stemming of Latin
 * words.
 *
 * <p>Why characters for Han: this field is the recall net, independent of any word segmenter. A Chinese
 * query is analysed into a phrase of characters here, so it finds the words inside mixed-language
 * comments ("the 退货 took weeks"), in comments whose language was mis-detected, and across scripts (退貨
 * meets 退货 after folding) even where two segmenters would cut a sentence differently. Thread-safe.
 */
public final class MixedScriptAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        ICUTokenizer source = new ICUTokenizer(new DefaultICUTokenizerConfig(false, true));
        TokenStream result = new ICUNormalizer2Filter(source);
        result = new ICUTransformFilter(result, TraditionalChineseAnalyzer.TRADITIONAL_TO_SIMPLIFIED);
        result = new StopFilter(result, StopWords.ALL);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUTransformFilter(new ICUNormalizer2Filter(in), TraditionalChineseAnalyzer.TRADITIONAL_TO_SIMPLIFIED);
    }
}

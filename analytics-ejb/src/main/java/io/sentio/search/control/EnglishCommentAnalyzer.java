package io.sentio.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English comments: Unicode word boundaries (UAX #29), lower case, possessive {@code 's} removed,
 * {@code en-stopwords.txt} removed, Porter stemming (Porter 1980) so that "refunded", "refunds" and
 * "refund" meet. Han characters inside English text come out one per token, so a Chinese word quoted in
 * an English comment is still found by a phrase of its characters. Thread-safe (Lucene reuses
 * per-thread components).
 */
public final class EnglishCommentAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new StopFilter(result, StopWords.ENGLISH);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}

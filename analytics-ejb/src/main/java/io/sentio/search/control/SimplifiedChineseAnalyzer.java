package io.sentio.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * Simplified Chinese comments: the {@link SmartChineseAnalyzer} word segmentation (hidden Markov model
 * over a word dictionary, ICTCLAS-derived) followed, as in {@code SmartChineseAnalyzer}, by Porter
 * stemming of embedded English words, then the punctuation list of SmartCN and Sentio's Chinese and
 * English stop words. Negators (不, 没) are kept: "不满意" must not match "满意" alone in a phrase.
 * Thread-safe.
 */
public final class SimplifiedChineseAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        HMMChineseTokenizer source = new HMMChineseTokenizer();
        TokenStream result = new PorterStemFilter(source);
        result = new StopFilter(result, SmartChineseAnalyzer.getDefaultStopSet());
        result = new StopFilter(result, StopWords.ALL);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}

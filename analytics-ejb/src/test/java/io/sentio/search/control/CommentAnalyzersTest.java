package io.sentio.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class CommentAnalyzersTest {

    static List<String> terms(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void englishStemsAndDropsStopWords() throws IOException {
        Analyzer a = new EnglishCommentAnalyzer();
        assertThat(terms(a, "I was refunded")).containsExactly("refund");
        assertThat(terms(a, "Refunds")).containsExactly("refund");
        assertThat(terms(a, "the customer's deliveries")).containsExactly("custom", "deliveri");
    }

    @Test
    void simplifiedChineseSegmentsWords() throws IOException {
        assertThat(terms(new SimplifiedChineseAnalyzer(), "我要退货")).contains("退货").doesNotContain("我");
    }

    @Test
    void traditionalChineseIsFoldedToSimplified() throws IOException {
        List<String> t = terms(new TraditionalChineseAnalyzer(), "我要退貨");
        assertThat(String.join("", t)).contains("退货").doesNotContain("貨");
    }

    @Test
    void mixedScriptIndexesHanCharactersAndStemsLatin() throws IOException {
        assertThat(terms(new MixedScriptAnalyzer(), "The 退貨 was refunded"))
                .containsExactly("退", "货", "refund");
        assertThat(terms(new MixedScriptAnalyzer(), "ＡＰＰ")).containsExactly("app"); // full-width folded
    }
}

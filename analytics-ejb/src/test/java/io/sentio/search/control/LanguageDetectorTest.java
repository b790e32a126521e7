package io.sentio.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentio.search.entity.CommentLanguage;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void tagDecidesWhenTheScriptAgrees() {
        assertThat(LanguageDetector.detect("en-GB", "Great service")).isEqualTo(CommentLanguage.EN);
        assertThat(LanguageDetector.detect("zh-CN", "服务很好")).isEqualTo(CommentLanguage.ZH_CN);
        assertThat(LanguageDetector.detect("zh-Hant-TW", "服務很好")).isEqualTo(CommentLanguage.ZH_TW);
        assertThat(LanguageDetector.detect("zh-HK", "很好")).isEqualTo(CommentLanguage.ZH_TW); // no variant-specific character: tag wins
    }

    @Test
    void scriptDecidesTheChineseVariant() {
        // 貨 and 換 exist only in traditional writing, 货 and 换 only in simplified
        assertThat(LanguageDetector.detect("zh-CN", "我要換貨")).isEqualTo(CommentLanguage.ZH_TW);
        assertThat(LanguageDetector.detect("zh-TW", "我要换货")).isEqualTo(CommentLanguage.ZH_CN);
        assertThat(LanguageDetector.detect(null, "我要換貨")).isEqualTo(CommentLanguage.ZH_TW);
        assertThat(LanguageDetector.detect(null, "我要换货")).isEqualTo(CommentLanguage.ZH_CN);
        assertThat(LanguageDetector.detect("zh", "我要換貨")).isEqualTo(CommentLanguage.ZH_TW);
    }

    @Test
    void contradictedTagsFallBackToTheScript() {
        assertThat(LanguageDetector.detect("en", "退货太慢了")).isEqualTo(CommentLanguage.ZH_CN);
        assertThat(LanguageDetector.detect("zh-CN", "The refund was slow")).isEqualTo(CommentLanguage.EN);
    }

    @Test
    void mixedTextGoesByTheDominantScript() {
        assertThat(LanguageDetector.detect(null, "The 退货 process took three weeks")).isEqualTo(CommentLanguage.EN);
        assertThat(LanguageDetector.detect(null, "我的order还没到")).isEqualTo(CommentLanguage.ZH_CN);
        assertThat(LanguageDetector.detect("en", "The 退货 process took three weeks")).isEqualTo(CommentLanguage.EN);
    }

    @Test
    void unsupportedOrUnreadableIsUnknown() {
        assertThat(LanguageDetector.detect("fr", "Très bon service")).isEqualTo(CommentLanguage.UNKNOWN);
        assertThat(LanguageDetector.detect(null, "👍👍 !!!")).isEqualTo(CommentLanguage.UNKNOWN);
        assertThat(LanguageDetector.detect(null, "Très bon service")).isEqualTo(CommentLanguage.EN);
    }

    @Test
    void hanVariantsFoldTraditionalOntoSimplified() {
        assertThat(HanVariants.toSimplified("退貨很慢，客服人員")).isEqualTo("退货很慢，客服人员");
        assertThat(HanVariants.isTraditionalOnly('貨')).isTrue();
        assertThat(HanVariants.isSimplifiedOnly('货')).isTrue();
        assertThat(HanVariants.isTraditionalOnly('好')).isFalse();
        assertThat(HanVariants.isSimplifiedOnly('好')).isFalse();
    }
}

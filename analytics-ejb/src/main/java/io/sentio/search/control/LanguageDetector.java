package io.sentio.search.control;

import io.sentio.search.entity.CommentLanguage;
import java.util.Optional;

/**
 * Chooses the analysis language of a comment from its language tag and the script of its text.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Count Han characters and Latin letters. A Han character carries about as much as a word, an
 *       English word about five letters, so the text "is Chinese" when {@code 3 × han ≥ latin}.</li>
 *   <li>A tag of a language without an analyzer ({@code fr}, {@code de}...) gives {@code UNKNOWN}.</li>
 *   <li>An English tag is trusted unless the text contains no Latin letter and does contain Han
 *       (someone answered an English survey in Chinese).</li>
 *   <li>A Chinese tag is trusted for the language, but the variant is taken from the text when the text
 *       shows it: more traditional-only than simplified-only characters means {@code zh-TW}, and the
 *       reverse {@code zh-CN}; a tie keeps the tag's variant. A Chinese tag on text without any Han
 *       character gives English when there are Latin letters.</li>
 *   <li>Without a (usable) tag the script decides: Chinese as in rule 1 (variant as in rule 4,
 *       simplified on a tie), else English when there are Latin letters, else {@code UNKNOWN}.</li>
 * </ol>
 * Mixed text keeps one analysis language but is also indexed in the shared mixed-script field, so the
 * minority script stays searchable.
 *
 * <p>Stateless and thread-safe.
 */
public final class LanguageDetector {

    private LanguageDetector() {
    }

    public static CommentLanguage detect(String languageTag, String text) {
        int han = 0;
        int latin = 0;
        int traditional = 0;
        int simplified = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) { // ASCII fast path: no script table look-up
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                    latin++;
                }
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN) {
                han++;
                if (cp <= 0xFFFF) {
                    if (HanVariants.isTraditionalOnly((char) cp)) {
                        traditional++;
                    } else if (HanVariants.isSimplifiedOnly((char) cp)) {
                        simplified++;
                    }
                }
            } else if (script == Character.UnicodeScript.LATIN && Character.isLetter(cp)) {
                latin++;
            }
        }
        boolean chineseText = han > 0 && 3 * han >= latin;
        Optional<CommentLanguage> tagged = CommentLanguage.ofBcp47(languageTag);
        if (tagged.isPresent()) {
            CommentLanguage t = tagged.get();
            switch (t) {
                case UNKNOWN:
                    return CommentLanguage.UNKNOWN;
                case EN:
                    return latin == 0 && han > 0 ? variant(traditional, simplified, CommentLanguage.ZH_CN) : t;
                default:
                    if (han == 0) {
                        return latin > 0 ? CommentLanguage.EN : t;
                    }
                    return variant(traditional, simplified, t);
            }
        }
        boolean bareChineseTag = languageTag != null && languageTag.trim().equalsIgnoreCase("zh");
        if (chineseText || (bareChineseTag && han > 0)) {
            return variant(traditional, simplified, CommentLanguage.ZH_CN);
        }
        return latin > 0 ? CommentLanguage.EN : CommentLanguage.UNKNOWN;
    }

    private static CommentLanguage variant(int traditional, int simplified, CommentLanguage tie) {
        if (traditional > simplified) {
            return CommentLanguage.ZH_TW;
        }
        return simplified > traditional ? CommentLanguage.ZH_CN : tie;
    }
}

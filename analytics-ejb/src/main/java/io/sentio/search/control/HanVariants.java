package io.sentio.search.control;

import com.ibm.icu.text.Transliterator;
import java.util.BitSet;

/**
 * Traditional/simplified Chinese character knowledge derived once from ICU's
 * {@code Traditional-Simplified} and {@code Simplified-Traditional} transforms (CLDR data).
 *
 * <p>Only one-to-one character mappings of the CJK Unified Ideographs block and its extension A
 * (U+3400–U+9FFF) are kept: enough to tell the two scripts apart and to fold traditional text onto
 * simplified for lexicon look-ups. Phrase-level conversions (which ICU also does) are left to
 * {@link org.apache.lucene.analysis.icu.ICUTransformFilter} in the analyzers.
 *
 * <p>Thread-safe: the tables are built once in the class initialiser (about 0.2 s) and never change.
 */
public final class HanVariants {

    private static final int FIRST = 0x3400;
    private static final int LAST = 0x9FFF;
    private static final char[] TO_SIMPLIFIED = new char[LAST - FIRST + 1];
    private static final BitSet TRADITIONAL_ONLY = new BitSet();
    private static final BitSet SIMPLIFIED_ONLY = new BitSet();

    static {
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        Transliterator s2t = Transliterator.getInstance("Simplified-Traditional");
        for (int c = FIRST; c <= LAST; c++) {
            String s = String.valueOf((char) c);
            String simplified = t2s.transliterate(s);
            String traditional = s2t.transliterate(s);
            TO_SIMPLIFIED[c - FIRST] = (char) c;
            if (simplified.length() == 1 && simplified.charAt(0) != c) {
                TRADITIONAL_ONLY.set(c - FIRST);
                TO_SIMPLIFIED[c - FIRST] = simplified.charAt(0);
            }
            if (traditional.length() == 1 && traditional.charAt(0) != c) {
                SIMPLIFIED_ONLY.set(c - FIRST);
            }
        }
    }

    private HanVariants() {
    }

    /** The text with every traditional-only character replaced by its simplified form. */
    public static String toSimplified(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= FIRST && c <= LAST ? TO_SIMPLIFIED[c - FIRST] : c);
        }
        return out.toString();
    }

    /** Whether this character exists only in traditional writing (e.g. 貨, 區, 們). */
    public static boolean isTraditionalOnly(char c) {
        return c >= FIRST && c <= LAST && TRADITIONAL_ONLY.get(c - FIRST);
    }

    /** Whether this character exists only in simplified writing (e.g. 货, 区, 们). */
    public static boolean isSimplifiedOnly(char c) {
        return c >= FIRST && c <= LAST && SIMPLIFIED_ONLY.get(c - FIRST);
    }
}

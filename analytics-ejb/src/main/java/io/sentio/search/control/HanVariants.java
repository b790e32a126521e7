package io.sentio.search.control;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSetIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Thread-safe: the tables are built once in the class initialiser and never change.
 */
public final class HanVariants {

    private static final int FIRST = 0x3400;
    private static final int LAST = 0x9FFF;
    private static final char[] TO_SIMPLIFIED = new char[LAST - FIRST + 1];
    private static final BitSet TRADITIONAL_ONLY = new BitSet();
    private static final BitSet SIMPLIFIED_ONLY = new BitSet();

    static {
        for (int c = FIRST; c <= LAST; c++) {
            TO_SIMPLIFIED[c - FIRST] = (char) c;
        }
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        Transliterator s2t = Transliterator.getInstance("Simplified-Traditional");
        for (Map.Entry<Character, Character> e : mapped(t2s).entrySet()) {
            TRADITIONAL_ONLY.set(e.getKey() - FIRST);
            TO_SIMPLIFIED[e.getKey() - FIRST] = e.getValue();
        }
        for (Character c : mapped(s2t).keySet()) {
            SIMPLIFIED_ONLY.set(c - FIRST);
        }
    }

    /**
     * Characters of the block that the transform changes into exactly one other character. Only the
     * transform's source set is tried, in one call with one character per line: the line breaks keep
     * ICU's phrase rules from joining neighbours, and one call is far cheaper than one per character.
     */
    private static Map<Character, Character> mapped(Transliterator t) {
        StringBuilder block = new StringBuilder();
        List<Character> chars = new ArrayList<>();
        UnicodeSetIterator it = new UnicodeSetIterator(t.getSourceSet());
        while (it.next()) {
            if (it.codepoint >= FIRST && it.codepoint <= LAST) {
                chars.add((char) it.codepoint);
                block.append((char) it.codepoint).append('\n');
            }
        }
        String[] out = t.transliterate(block.toString()).split("\n", -1);
        Map<Character, Character> result = new HashMap<>();
        for (int i = 0; i < chars.size(); i++) {
            if (out[i].length() == 1 && out[i].charAt(0) != chars.get(i)) {
                result.put(chars.get(i), out[i].charAt(0));
            }
        }
        return result;
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

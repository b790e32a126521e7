package io.sentio.search.control;

import io.sentio.search.entity.SentimentScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lexicon- and rule-based sentiment of English and Chinese comments, following VADER (Hutto &amp; Gilbert
 * 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM):
 *
 * <ul>
 *   <li>each lexicon word contributes its valence (roughly −4..+4);</li>
 *   <li>a booster within the three preceding units adds ±0.293 (diminishers −0.293), damped to 95% and
 *       90% at distance two and three; an all-caps word in mixed-case text adds ±0.733;</li>
 *   <li>a negator within the three preceding units multiplies the valence by −0.74;</li>
 *   <li>after a contrast word ("but", 但是, 不过, 却...) valences count ×1.5, before it ×0.5;</li>
 *   <li>exclamation marks add 0.292 each (at most four), two or more question marks add 0.18 each
 *       (at most 0.96), in the direction of the sum;</li>
 *   <li>compound = s / √(s² + 15), classified with the ±0.05 thresholds of the paper.</li>
 * </ul>
 *
 * <p>Look-back stops at clause punctuation (, ， 。 ; ! ? and their full-width forms), which matters for
 * Chinese, where "不贵，很好" must not negate 好. English text is split into words; Han runs are
 * segmented by forward maximum matching against the Chinese dictionary (lexicon plus modifiers, and
 * neutral domain words such as 快递 that stop 快 from being read as "fast"), after folding traditional
 * characters onto simplified ones, so one lexicon serves both scripts. Mixed text is scored in one pass.
 * Multi-word English entries (e.g. "never arrived") are matched longest-first before single words.
 *
 * <p>Lexicons: see the NOTICE file (VADER lexicon, MIT; Sentio's English domain supplement and Chinese
 * lexicon, written for this project). Immutable and thread-safe after construction.
 */
public final class SentimentScorer {

    static final double BOOST = 0.293;
    static final double CAPS_BOOST = 0.733;
    static final double NEGATION = -0.74;
    static final double ALPHA = 15;
    private static final int MAX_PHRASE_WORDS = 3;
    private static final int LOOK_BACK = 3;

    private static volatile SentimentScorer standard;

    private final Map<String, Double> englishValence;
    private final Map<String, Double> englishBoost;
    private final Set<String> englishNegators;
    private final Set<String> englishContrast;
    private final Map<String, Double> chineseValence;
    private final Map<String, Double> chineseBoost;
    private final Set<String> chineseNegators;
    private final Set<String> chineseContrast;
    private final Set<String> chineseFlexible;
    private final Set<String> chineseWords;
    /** Per first character, the length of the longest Chinese lexicon word starting with it (absent: 1). */
    private final Map<Character, Integer> longestChineseFrom;
    /** First words of the multi-word English lexicon entries: only these start a phrase look-up. */
    private final Set<String> phraseStarts;

    /** The scorer with the lexicons shipped in {@code io/sentio/search/}; loaded once. */
    public static SentimentScorer standard() {
        SentimentScorer s = standard;
        if (s == null) {
            synchronized (SentimentScorer.class) {
                s = standard;
                if (s == null) {
                    s = new SentimentScorer();
                    standard = s;
                }
            }
        }
        return s;
    }

    private SentimentScorer() {
        englishValence = new HashMap<>();
        for (String line : StopWords.lines("vader_lexicon.txt")) {
            String[] cols = line.split("\t");
            englishValence.put(cols[0].toLowerCase(Locale.ROOT), Double.parseDouble(cols[1]));
        }
        readValences("en-sentiment-domain.txt", englishValence, false);
        englishBoost = new HashMap<>();
        englishNegators = new HashSet<>();
        englishContrast = new HashSet<>();
        readModifiers("en-modifiers.txt", englishBoost, englishNegators, englishContrast, new HashSet<>());
        // As in VADER, modifiers carry no valence of their own.
        englishBoost.keySet().forEach(englishValence::remove);
        englishNegators.forEach(englishValence::remove);

        chineseValence = new HashMap<>();
        readValences("zh-sentiment.txt", chineseValence, true);
        chineseBoost = new HashMap<>();
        chineseNegators = new HashSet<>();
        chineseContrast = new HashSet<>();
        chineseFlexible = new HashSet<>();
        readModifiers("zh-modifiers.txt", chineseBoost, chineseNegators, chineseContrast, chineseFlexible);
        chineseWords = new HashSet<>(chineseValence.keySet());
        chineseWords.addAll(chineseBoost.keySet());
        chineseWords.addAll(chineseNegators);
        chineseWords.addAll(chineseContrast);
        longestChineseFrom = new HashMap<>();
        chineseWords.forEach(w -> longestChineseFrom.merge(w.charAt(0), w.length(), Math::max));
        phraseStarts = new HashSet<>();
        englishValence.keySet().stream().filter(k -> k.indexOf(' ') > 0)
                .forEach(k -> phraseStarts.add(k.substring(0, k.indexOf(' '))));
    }

    private static void readValences(String resource, Map<String, Double> into, boolean fold) {
        for (String line : StopWords.lines(resource)) {
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                throw new IllegalStateException(resource + ": expected 'term<TAB>valence' in '" + line + "'");
            }
            String term = cols[0].toLowerCase(Locale.ROOT);
            into.put(fold ? HanVariants.toSimplified(term) : term, Double.parseDouble(cols[1]));
        }
    }

    private static void readModifiers(String resource, Map<String, Double> boost, Set<String> negators,
                                      Set<String> contrast, Set<String> flexible) {
        for (String line : StopWords.lines(resource)) {
            String[] cols = line.split("\t");
            String word = HanVariants.toSimplified(cols[1].toLowerCase(Locale.ROOT));
            switch (cols[0]) {
                case "negator" -> negators.add(word);
                case "contrast" -> contrast.add(word);
                case "booster" -> boost.put(word, BOOST);
                case "diminisher" -> boost.put(word, -BOOST);
                case "flexible" -> flexible.add(word);
                default -> throw new IllegalStateException(resource + ": unknown modifier type in '" + line + "'");
            }
        }
    }

    /** Sentiment of a text in English, Chinese (either script) or a mix of them. */
    public SentimentScore score(String text) {
        List<Unit> units = units(HanVariants.toSimplified(text));
        boolean mixedCase = hasMixedCase(text);
        int n = units.size();
        double[] valences = new double[n];
        int contrastAt = -1;
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < n; i++) {
            Unit u = units.get(i);
            switch (u.kind) {
                case EXCLAMATION -> exclamations++;
                case QUESTION -> questions++;
                case CONTRAST -> contrastAt = i;
                default -> { }
            }
            if (u.kind != Kind.WORD || u.valence == 0) {
                continue;
            }
            if (u.flexible && i + 1 < n && units.get(i + 1).kind == Kind.WORD && units.get(i + 1).valence != 0
                    && !units.get(i + 1).flexible) {
                continue; // 好 in 好慢 is "so", not "good": it boosts the next word instead
            }
            double v = u.valence;
            if (u.allCaps && mixedCase) {
                v += Math.signum(v) * CAPS_BOOST;
            }
            for (int k = 1; k <= LOOK_BACK && i - k >= 0; k++) {
                Unit w = units.get(i - k);
                if (w.isBoundary()) {
                    break;
                }
                double b = w.boost != 0 ? w.boost : (w.flexible && k == 1 ? BOOST : 0);
                if (b != 0) {
                    double scalar = b * (k == 1 ? 1 : k == 2 ? 0.95 : 0.9);
                    if (w.allCaps && mixedCase) {
                        scalar += Math.signum(b) * CAPS_BOOST;
                    }
                    v += v < 0 ? -scalar : scalar;
                }
            }
            for (int k = 1; k <= LOOK_BACK && i - k >= 0; k++) {
                Unit w = units.get(i - k);
                if (w.isBoundary()) {
                    break;
                }
                if (w.negator) {
                    v *= NEGATION;
                }
            }
            valences[i] = v;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = valences[i];
            if (contrastAt >= 0) {
                v *= i < contrastAt ? 0.5 : 1.5;
            }
            sum += v;
        }
        if (sum != 0) {
            double emphasis = Math.min(exclamations, 4) * 0.292 + (questions > 1 ? Math.min(questions * 0.18, 0.96) : 0);
            sum += Math.signum(sum) * emphasis;
        }
        double compound = sum / Math.sqrt(sum * sum + ALPHA);
        return SentimentScore.of(Math.max(-1, Math.min(1, compound)));
    }

    private enum Kind { WORD, CONTRAST, CLAUSE, EXCLAMATION, QUESTION }

    private record Unit(Kind kind, double valence, double boost, boolean negator, boolean flexible, boolean allCaps) {
        boolean isBoundary() {
            return kind == Kind.CLAUSE || kind == Kind.EXCLAMATION || kind == Kind.QUESTION;
        }
    }

    private List<Unit> units(String text) {
        List<Unit> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isHan(c)) {
                int runEnd = i;
                while (runEnd < n && isHan(text.charAt(runEnd))) {
                    runEnd++;
                }
                while (i < runEnd) {
                    int len = Math.min(longestChineseFrom.getOrDefault(text.charAt(i), 1), runEnd - i);
                    while (len > 1 && !chineseWords.contains(text.substring(i, i + len))) {
                        len--;
                    }
                    out.add(chineseUnit(text.substring(i, i + len)));
                    i += len;
                }
            } else if (Character.isLetterOrDigit(c)) {
                int end = i;
                while (end < n && isWordChar(text.charAt(end))) {
                    end++;
                }
                String first = text.substring(i, end);
                String word = normalised(first);
                if (!phraseStarts.contains(word)) { // the common case: no lexicon phrase starts here
                    out.add(englishUnit(word, isAllCaps(first)));
                    i = end;
                    continue;
                }
                List<String> words = new ArrayList<>();
                List<Boolean> caps = new ArrayList<>();
                int j = i;
                // Collect up to MAX_PHRASE_WORDS consecutive words (separated by spaces only) for phrase look-up.
                int start = i;
                while (j < n && words.size() < MAX_PHRASE_WORDS) {
                    int e = j;
                    while (e < n && isWordChar(text.charAt(e))) {
                        e++;
                    }
                    String raw = text.substring(j, e);
                    words.add(normalised(raw));
                    caps.add(isAllCaps(raw));
                    if (e < n && text.charAt(e) == ' ' && e + 1 < n && Character.isLetterOrDigit(text.charAt(e + 1))
                            && !isHan(text.charAt(e + 1))) {
                        j = e + 1;
                    } else {
                        j = e;
                        break;
                    }
                }
                int taken = 1;
                for (int w = words.size(); w >= 2; w--) {
                    String phrase = String.join(" ", words.subList(0, w));
                    if (englishValence.containsKey(phrase)) {
                        out.add(new Unit(Kind.WORD, englishValence.get(phrase), 0, false, false, false));
                        taken = w;
                        break;
                    }
                }
                if (taken == 1) {
                    out.add(englishUnit(words.get(0), caps.get(0)));
                }
                // advance past the words consumed
                i = start;
                for (int w = 0; w < taken; w++) {
                    while (i < n && isWordChar(text.charAt(i))) {
                        i++;
                    }
                    if (w + 1 < taken) {
                        i++; // the single space between phrase words
                    }
                }
            } else {
                int emoticon = emoticonLength(text, i);
                if (emoticon > 0) {
                    out.add(new Unit(Kind.WORD, englishValence.get(text.substring(i, i + emoticon)), 0, false, false, false));
                    i += emoticon;
                    continue;
                }
                switch (c) {
                    case '!', '\uFF01' -> out.add(new Unit(Kind.EXCLAMATION, 0, 0, false, false, false));
                    case '?', '\uFF1F' -> out.add(new Unit(Kind.QUESTION, 0, 0, false, false, false));
                    case ',', '.', ';', ':', '\n', '\uFF0C', '\u3002', '\uFF1B', '\uFF1A', '\u3001', '~' ->
                            out.add(new Unit(Kind.CLAUSE, 0, 0, false, false, false));
                    default -> { }
                }
                i++;
            }
        }
        return out;
    }

    /** Length of an emoticon of the VADER lexicon (such as ":)" or ":-(") starting at i, else 0. */
    private int emoticonLength(String text, int i) {
        int e = i;
        while (e < text.length() && e - i < 6 && !Character.isWhitespace(text.charAt(e)) && !isHan(text.charAt(e))) {
            e++;
        }
        for (int end = e; end > i + 1; end--) {
            String candidate = text.substring(i, end);
            if (!Character.isLetterOrDigit(candidate.charAt(0)) && englishValence.containsKey(candidate)) {
                return end - i;
            }
        }
        return 0;
    }

    private Unit englishUnit(String word, boolean allCaps) {
        if (englishContrast.contains(word)) {
            return new Unit(Kind.CONTRAST, 0, 0, false, false, false);
        }
        boolean negator = englishNegators.contains(word) || word.endsWith("n't");
        double boost = englishBoost.getOrDefault(word, 0.0);
        double valence = englishValence.getOrDefault(word, 0.0);
        return new Unit(Kind.WORD, negator ? 0 : valence, boost, negator, false, allCaps);
    }

    private Unit chineseUnit(String word) {
        if (chineseContrast.contains(word)) {
            return new Unit(Kind.CONTRAST, 0, 0, false, false, false);
        }
        return new Unit(Kind.WORD, chineseValence.getOrDefault(word, 0.0), chineseBoost.getOrDefault(word, 0.0),
                chineseNegators.contains(word), chineseFlexible.contains(word), false);
    }

    private static boolean isHan(char c) {
        // fast path: nothing below U+2E80 is Han; the script table look-up is a binary search
        return c >= '\u2E80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isWordChar(char c) {
        return (Character.isLetterOrDigit(c) && !isHan(c)) || c == '\'' || c == '\u2019' || c == '-';
    }

    /** An English word as the lexicon spells it: lower case, typographic apostrophes straightened and stripped. */
    private static String normalised(String raw) {
        return stripApostrophes(raw.replace('\u2019', '\'').toLowerCase(Locale.ROOT));
    }

    private static String stripApostrophes(String w) {
        int s = 0;
        int e = w.length();
        while (s < e && (w.charAt(s) == '\'' || w.charAt(s) == '-')) {
            s++;
        }
        while (e > s && (w.charAt(e - 1) == '\'' || w.charAt(e - 1) == '-')) {
            e--;
        }
        return w.substring(s, e);
    }

    private static boolean isAllCaps(String raw) {
        boolean letter = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isUpperCase(c);
        }
        return letter && raw.length() > 1;
    }

    private static boolean hasMixedCase(String text) {
        boolean upperWord = false;
        boolean otherWord = false;
        int n = text.length();
        for (int i = 0; i < n; ) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == start || !Character.isLetter(text.charAt(start)) || isHan(text.charAt(start))) {
                continue;
            }
            if (isAllCaps(text.substring(start, i))) {
                upperWord = true;
            } else {
                otherWord = true;
            }
        }
        return upperWord && otherWord;
    }
}

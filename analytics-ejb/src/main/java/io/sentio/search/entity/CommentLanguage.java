package io.sentio.search.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * The analysis language of a comment. Only the languages Sentio has analyzers for are distinguished;
 * everything else is {@link #UNKNOWN} and is searchable through the shared mixed-script field only.
 * Which value a comment gets is decided by {@code io.sentio.search.control.LanguageDetector} from the
 * survey language tag and the script of the text.
 */
public enum CommentLanguage {
    EN("en"), ZH_CN("zh-CN"), ZH_TW("zh-TW"), UNKNOWN("unknown");

    private final String tag;

    CommentLanguage(String tag) {
        this.tag = tag;
    }

    /** The tag used in the index, in facets and in JSON: {@code en}, {@code zh-CN}, {@code zh-TW}, {@code unknown}. */
    public String tag() {
        return tag;
    }

    public boolean isChinese() {
        return this == ZH_CN || this == ZH_TW;
    }

    /** Exact tag as produced by {@link #tag()} (case-insensitive), for filters. */
    public static CommentLanguage fromTag(String tag) {
        if (tag != null) {
            for (CommentLanguage l : values()) {
                if (l.tag.equalsIgnoreCase(tag)) {
                    return l;
                }
            }
        }
        throw new InvalidQueryException("language: '" + tag + "' is not one of en, zh-CN, zh-TW, unknown");
    }

    /**
     * Maps a BCP 47 tag to a language when the tag alone decides it: {@code en*} is English,
     * {@code zh-Hans}, {@code zh-CN}, {@code zh-SG} simplified, {@code zh-Hant}, {@code zh-TW},
     * {@code zh-HK}, {@code zh-MO} traditional. A bare {@code zh} or an absent tag decides nothing;
     * any other tag names a language without an analyzer ({@link #UNKNOWN}).
     */
    public static Optional<CommentLanguage> ofBcp47(String bcp47) {
        if (bcp47 == null || bcp47.isBlank() || bcp47.equalsIgnoreCase("und")) {
            return Optional.empty();
        }
        String t = bcp47.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        if (t.equals("en") || t.startsWith("en-")) {
            return Optional.of(EN);
        }
        if (t.equals("zh")) {
            return Optional.empty();
        }
        if (t.startsWith("zh-")) {
            if (t.contains("hant") || t.endsWith("-tw") || t.endsWith("-hk") || t.endsWith("-mo")) {
                return Optional.of(ZH_TW);
            }
            if (t.contains("hans") || t.endsWith("-cn") || t.endsWith("-sg")) {
                return Optional.of(ZH_CN);
            }
            return Optional.empty();
        }
        return Optional.of(UNKNOWN);
    }
}

package io.sentio.search.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The English and Chinese stop-word lists ({@code en-stopwords.txt}, {@code zh-stopwords.txt} next to
 * this package's resources), shared by the analyzers and by key-term extraction so that what is not
 * searchable is never reported as a key term either. The sets are unmodifiable and thread-safe.
 */
final class StopWords {

    static final CharArraySet ENGLISH = load("en-stopwords.txt");
    static final CharArraySet CHINESE = load("zh-stopwords.txt");
    static final CharArraySet ALL;

    static {
        CharArraySet all = new CharArraySet(ENGLISH.size() + CHINESE.size(), false);
        all.addAll(ENGLISH);
        all.addAll(CHINESE);
        ALL = CharArraySet.unmodifiableSet(all);
    }

    private StopWords() {
    }

    static List<String> lines(String resource) {
        try (InputStream in = StopWords.class.getResourceAsStream("/io/sentio/search/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/sentio/search/" + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharArraySet load(String resource) {
        return CharArraySet.unmodifiableSet(new CharArraySet(lines(resource), false));
    }
}

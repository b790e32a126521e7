package io.sentio.search.boundary;

import io.sentio.problems.entity.DomainException;
import io.sentio.search.control.CommentSearch;
import io.sentio.search.control.CursorKeyStore;
import io.sentio.search.control.KeyTerms;
import io.sentio.search.entity.CommentLanguage;
import io.sentio.search.entity.CommentPage;
import io.sentio.search.entity.CommentQuery;
import io.sentio.search.entity.CommentSource;
import io.sentio.search.entity.InvalidQueryException;
import io.sentio.search.entity.KeyTerm;
import io.sentio.search.entity.Sentiment;
import io.sentio.storage.boundary.MongoStorage;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Comment intelligence for the API and for other components (the touchpoint report): search with facets,
 * key terms and sentiment distribution per touchpoint and period.
 *
 * <p>Search errors ({@link InvalidQueryException}, whose message starts with the parameter at fault) are
 * turned into {@link DomainException#invalid(String, String)} here: the former is not an EJB application
 * exception and would reach callers wrapped as a system error. Thread-safe (bean-managed concurrency; the
 * control classes are thread-safe).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Comments {

    @Inject
    CommentIndexer indexer;

    @Inject
    MongoStorage storage;

    private CommentSearch search;
    private KeyTerms keyTerms;

    @PostConstruct
    void start() {
        search = new CommentSearch(indexer.index(), new CursorKeyStore(storage.database()).key());
        keyTerms = new KeyTerms(indexer.index());
    }

    /** One page of comments with the contract facets (touchpoint, language, sentiment) and the source facet. */
    public CommentPage search(CommentQuery query) {
        return refusingInvalid(() -> search.search(query));
    }

    /** Terms significantly more frequent at this touchpoint in [from, to) than in all other comments. */
    public List<KeyTerm> keyTerms(String touchpoint, Instant from, Instant to, int size) {
        return refusingInvalid(() -> keyTerms.forTouchpoint(touchpoint, from, to, size));
    }

    /** Number of comments per sentiment at this touchpoint in [from, to) (either bound may be null); every class present. */
    public Map<Sentiment, Long> sentiment(String touchpoint, Instant from, Instant to) {
        CommentPage page = search(new CommentQuery(null, touchpoint, null, null, null, from, to, 1, null, CommentQuery.Order.NEWEST));
        Map<String, Long> counts = page.facets().getOrDefault("sentiment", Map.of());
        Map<Sentiment, Long> result = new EnumMap<>(Sentiment.class);
        for (Sentiment s : Sentiment.values()) {
            result.put(s, counts.getOrDefault(s.tag(), 0L));
        }
        return result;
    }

    /**
     * A newest-first search request from API parameters (null or blank = not given); a value out of range
     * is refused with a 400 naming the parameter.
     */
    public CommentQuery query(String text, String touchpoint, String language, String sentiment, String source,
                              Instant from, Instant to, int size, String after) {
        return refusingInvalid(() -> new CommentQuery(text, blankToNull(touchpoint),
                blankToNull(language) == null ? null : CommentLanguage.fromTag(language.trim()),
                blankToNull(sentiment) == null ? null : Sentiment.fromTag(sentiment.trim()),
                blankToNull(source) == null ? null : CommentSource.fromTag(source.trim()),
                from, to, size, blankToNull(after), CommentQuery.Order.NEWEST));
    }

    /** Runs a search step, turning {@link InvalidQueryException} ("param: reason") into a 400 naming the parameter. */
    private <T> T refusingInvalid(Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidQueryException e) {
            throw invalid(e);
        }
    }

    private String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private DomainException invalid(InvalidQueryException e) {
        String message = e.getMessage() == null ? "invalid" : e.getMessage();
        int colon = message.indexOf(": ");
        if (colon > 0 && colon < 40 && message.substring(0, colon).matches("[A-Za-z][A-Za-z0-9.\\[\\]]*")) {
            return DomainException.invalid(message.substring(0, colon), message.substring(colon + 2));
        }
        return DomainException.invalid("q", message);
    }
}

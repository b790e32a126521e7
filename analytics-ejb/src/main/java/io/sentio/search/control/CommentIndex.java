package io.sentio.search.control;

import io.sentio.search.entity.CommentDocument;
import io.sentio.search.entity.CommentLanguage;
import io.sentio.search.entity.Sentiment;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of all comments: one {@link IndexWriter} and one {@link SearcherManager} over a
 * directory on disk.
 *
 * <p>The index is derived data; MongoDB holds the truth. Writers upsert by comment id, so replaying a
 * range of comments is harmless. {@link #commit(String)} stores the caller's last indexed position (an
 * opaque cursor such as {@code timestamp|id}) in the commit user data together with
 * {@link CommentSchema#VERSION}; on start {@link #lastCommittedPosition()} returns it so that the caller
 * catches up from there. An index written by another schema version reports no position, which makes the
 * caller re-index everything (upserts replace the old documents).
 *
 * <p>Visibility: an indexed comment becomes searchable at the next refresh. The boundary calls
 * {@link #maybeRefresh()} from a timer (every 250 ms keeps the 1 s promise with room to spare);
 * {@link #refresh()} blocks until a refresh has happened.
 *
 * <p>Thread-safe: all methods may be called concurrently (IndexWriter and SearcherManager are); searches
 * go through {@link #withSearcher(SearcherFunction)}, which acquires and releases in try/finally.
 */
public final class CommentIndex implements Closeable {

    private static final System.Logger LOG = System.getLogger(CommentIndex.class.getName());
    static final String POSITION_KEY = "sentio.position";
    static final String SCHEMA_KEY = "sentio.schema";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final CommentSchema schema = new CommentSchema();
    private final SentimentScorer sentimentScorer;
    private volatile String committedPosition;
    private final boolean schemaCurrent;

    /** Search work done on an acquired searcher. */
    @FunctionalInterface
    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Opens (or creates) the index at {@code path}, scoring sentiment with the standard lexicons. */
    public CommentIndex(Path path) {
        this(path, SentimentScorer.standard(), 64);
    }

    /**
     * @param path index directory (created if missing)
     * @param sentimentScorer scores comments that arrive without a sentiment
     * @param ramBufferMb indexing buffer; larger makes bulk indexing faster
     */
    public CommentIndex(Path path, SentimentScorer sentimentScorer, int ramBufferMb) {
        this.sentimentScorer = Objects.requireNonNull(sentimentScorer, "sentimentScorer");
        try {
            directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(schema.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMb);
            writer = new IndexWriter(directory, config);
            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            String version = data.get(SCHEMA_KEY);
            schemaCurrent = version == null ? writer.getDocStats().numDocs == 0 : version.equals(CommentSchema.VERSION);
            committedPosition = schemaCurrent ? data.get(POSITION_KEY) : null;
            if (!schemaCurrent) {
                LOG.log(Level.WARNING, "Comment index at {0} has schema {1}, expected {2}: a full re-index is needed",
                        path, version, CommentSchema.VERSION);
            }
            searchers = new SearcherManager(writer, true, false, new SearcherFactory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open comment index at " + path, e);
        }
    }

    public CommentSchema schema() {
        return schema;
    }

    /** Whether the index was written with the current {@link CommentSchema#VERSION}. */
    public boolean isSchemaCurrent() {
        return schemaCurrent;
    }

    /**
     * Adds or replaces the comment with this id. Decides the analysis language, scores the sentiment when
     * the comment has none, and returns the sentiment indexed.
     */
    public Sentiment index(CommentDocument comment) {
        CommentLanguage language = LanguageDetector.detect(comment.languageTag(), comment.text());
        Sentiment sentiment = comment.sentiment() != null
                ? comment.sentiment()
                : sentimentScorer.score(comment.text()).sentiment();
        try {
            writer.updateDocument(new Term(CommentSchema.ID, comment.id()), schema.toDocument(comment, language, sentiment));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index comment " + comment.id(), e);
        }
        return sentiment;
    }

    /** Removes the comment with this id (no-op when absent). */
    public void delete(String id) {
        deleteBy(CommentSchema.ID, id);
    }

    /** Removes every comment of this survey response (the response was deleted). */
    public void deleteByResponse(String responseId) {
        deleteBy(CommentSchema.RESPONSE_ID, responseId);
    }

    /** Removes every comment of this customer (erasure on request). */
    public void deleteByCustomer(String customerRef) {
        deleteBy(CommentSchema.CUSTOMER, customerRef);
    }

    /** Removes everything, for a full rebuild; the committed position is cleared at the next commit. */
    public void deleteAll() {
        try {
            writer.deleteAll();
            committedPosition = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear comment index", e);
        }
    }

    private void deleteBy(String field, String value) {
        Objects.requireNonNull(value, field);
        try {
            writer.deleteDocuments(new Term(field, value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete by " + field, e);
        }
    }

    /**
     * Makes everything indexed so far durable, recording {@code position} as the point up to which the
     * caller has indexed. Call it only with a position all of whose comments have been passed to
     * {@link #index(CommentDocument)}.
     */
    public synchronized void commit(String position) {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA_KEY, CommentSchema.VERSION);
        if (position != null) {
            data.put(POSITION_KEY, position);
        }
        writer.setLiveCommitData(data.entrySet());
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit comment index", e);
        }
        committedPosition = position;
    }

    /** The position recorded by the last commit, empty for a new index or one of another schema version. */
    public Optional<String> lastCommittedPosition() {
        return Optional.ofNullable(committedPosition);
    }

    /** Refreshes the searcher if changes are pending and no other thread is refreshing; never blocks. */
    public boolean maybeRefresh() {
        try {
            return searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh comment searcher", e);
        }
    }

    /** Refreshes the searcher, waiting for a concurrent refresh to finish. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh comment searcher", e);
        }
    }

    /** Runs {@code work} on the current searcher, released afterwards whatever happens. */
    public <T> T withSearcher(SearcherFunction<T> work) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot acquire comment searcher", e);
        }
        try {
            return work.apply(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("comment search failed", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot release comment searcher", e);
            }
        }
    }

    /** Number of comments visible to searches now. */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** Closes searcher and writer; pending changes are committed with the last recorded position. */
    @Override
    public synchronized void close() {
        try {
            searchers.close();
            if (writer.hasUncommittedChanges()) {
                commit(committedPosition);
            }
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close comment index", e);
        }
    }
}

package io.sentio.search.control;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.sentio.search.entity.CommentQuery;
import io.sentio.storage.control.EmbeddedMongo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed against the embedded store through the real driver, with a real index on disk. */
class CommentFeedTest {

    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @TempDir
    Path dir;

    private EmbeddedMongo mongo;
    private MongoClient client;
    private MongoCollection<Document> responses;
    private ResponseCommentReader reader;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.start(dir.resolve("mongo"));
        client = MongoClients.create(mongo.connectionString());
        MongoDatabase db = client.getDatabase("sentio");
        responses = db.getCollection("responses");
        reader = new ResponseCommentReader(db);
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    private void insert(String id, Instant receivedAt, String comment) {
        Document answers = new Document("NPS", 8);
        if (comment != null) {
            answers.append("COMMENT", comment);
        }
        responses.insertOne(new Document("_id", id).append("deployment", "d1").append("touchpoint", "web")
                .append("language", "en").append("answers", answers).append("receivedAt", Date.from(receivedAt)));
    }

    private CommentFeed feed(CommentIndex index) {
        // A clock far ahead of the data: every maybeCommit is due.
        return new CommentFeed(index, reader, OVERLAP, Duration.ofSeconds(1), Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
    }

    private static long hits(CommentIndex index, String q) {
        index.refresh();
        return new CommentSearch(index, new byte[32]).search(CommentQuery.of(q)).total();
    }

    @Test
    void pollsIndexNewCommentsOnceAndPickUpLateWritesInsideTheOverlap() {
        try (CommentIndex index = new CommentIndex(dir.resolve("index"))) {
            CommentFeed feed = feed(index);
            insert("r-00000001", T0, "the parcel was late");
            insert("r-00000002", T0.plusSeconds(10), "friendly staff");
            insert("r-00000003", T0.plusSeconds(11), null);

            assertThat(feed.poll()).isEqualTo(new CommentFeed.Pass(3, 2));
            assertThat(feed.position()).isEqualTo(T0.plusSeconds(11));
            assertThat(feed.poll().commentsIndexed()).as("the overlap re-read indexes nothing twice").isZero();

            // stamped before the position but inserted after the last poll (a slow concurrent write)
            insert("r-00000004", T0.plusSeconds(8), "refund took weeks");
            // stamped before position - overlap: outside the window the feed promises to re-read
            insert("r-00000005", T0.plusSeconds(5), "outside the window");
            assertThat(feed.poll()).isEqualTo(new CommentFeed.Pass(1, 1));
            assertThat(hits(index, "refund")).isEqualTo(1);
            assertThat(hits(index, "window")).isZero();
            assertThat(feed.position()).isEqualTo(T0.plusSeconds(11));
        }
    }

    @Test
    void aRestartCatchesUpFromTheCommittedPositionAndARebuildRestoresEverything() {
        Path path = dir.resolve("index");
        try (CommentIndex index = new CommentIndex(path)) {
            CommentFeed feed = feed(index);
            insert("r-00000001", T0, "first comment");
            insert("r-00000002", T0.plusSeconds(20), "second comment");
            feed.poll();
            feed.commit();
        }
        insert("r-00000003", T0.plusSeconds(30), "third comment after the commit");
        try (CommentIndex index = new CommentIndex(path)) {
            CommentFeed feed = feed(index);
            assertThat(feed.position()).isEqualTo(T0.plusSeconds(20));
            // re-reads from position - overlap: the second (harmless upsert) and the third
            assertThat(feed.poll()).isEqualTo(new CommentFeed.Pass(2, 2));
            assertThat(hits(index, "comment")).isEqualTo(3);

            index.delete("r-00000001/COMMENT");
            assertThat(hits(index, "comment")).isEqualTo(2);
            assertThat(feed.rebuild()).isEqualTo(new CommentFeed.Pass(3, 3));
            assertThat(hits(index, "comment")).isEqualTo(3);
            assertThat(index.lastCommittedPosition()).contains(CommentFeed.encode(T0.plusSeconds(30)));
        }
    }

    @Test
    void hintedIdsAreIndexedByPrimaryKeyAndMoveThePositionForALaterCatchUp() {
        try (CommentIndex index = new CommentIndex(dir.resolve("index"))) {
            CommentFeed feed = feed(index);
            insert("r-00000001", T0, "courier lost the parcel");
            insert("r-00000002", T0.plusSeconds(4), "no comment here");
            insert("r-00000003", T0.plusSeconds(9), "great refund service");

            assertThat(feed.index(java.util.List.of("r-00000003", "r-00000001", "r-unknown-1")))
                    .as("unknown ids are skipped").isEqualTo(new CommentFeed.Pass(2, 2));
            assertThat(feed.position()).isEqualTo(T0.plusSeconds(9));
            assertThat(hits(index, "parcel")).isEqualTo(1);
            assertThat(hits(index, "comment")).as("not hinted, not read").isZero();
            assertThat(feed.index(java.util.List.of("r-00000003")).commentsIndexed())
                    .as("a repeated hint inside the overlap indexes nothing twice").isZero();
            // a poll after the hints re-reads from position - overlap: the unhinted r-00000002 is caught up
            assertThat(feed.poll()).isEqualTo(new CommentFeed.Pass(1, 1));
            assertThat(hits(index, "comment")).isEqualTo(1);
        }
    }
}

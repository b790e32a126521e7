package io.sentio.search.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.sentio.search.entity.CommentQuery;
import io.sentio.storage.control.StoreUnderTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import com.mongodb.client.model.ReplaceOptions;
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

    private StoreUnderTest mongo;
    private MongoCollection<Document> responses;
    private MongoCollection<Document> interactions;
    private MongoCollection<Document> community;
    private List<CommentReader> readers;

    @BeforeEach
    void start() {
        mongo = StoreUnderTest.in(dir.resolve("mongo"));
        MongoDatabase db = mongo.database("sentio");
        responses = db.getCollection("responses");
        interactions = db.getCollection("interactions");
        community = db.getCollection("community");
        readers = List.of(new ResponseCommentReader(db), new RecordCommentReader(db, RecordCommentReader.Kind.INTERACTIONS),
                new RecordCommentReader(db, RecordCommentReader.Kind.COMMUNITY));
    }

    @AfterEach
    void stop() {
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
        return new CommentFeed(index, readers, OVERLAP, Duration.ofSeconds(1), Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
    }

    /** A record as the customer store writes it (record fields plus the storedAt stamp; null stamp: a legacy record). */
    private void record(MongoCollection<Document> collection, String id, Instant storedAt, Document fields) {
        Document d = new Document("_id", id).append("customer", "cust-1").append("date", Date.from(T0.minusSeconds(86_400)));
        d.putAll(fields);
        if (storedAt != null) {
            d.append("storedAt", Date.from(storedAt));
        }
        collection.replaceOne(new Document("_id", id), d, new ReplaceOptions().upsert(true));
    }

    private static Document note(String text) {
        return new Document("touchpoint", "phone").append("channel", "call").append("type", "complaint").append("note", text);
    }

    private static Document post(String kind, String text) {
        return new Document("kind", kind).append("text", text);
    }

    private static long hits(CommentIndex index, String q) {
        index.refresh();
        return new CommentSearch(index, new byte[32]).search(CommentQuery.of(q)).total();
    }

    private static Map<String, Long> sources(CommentIndex index, String q) {
        index.refresh();
        return new CommentSearch(index, new byte[32]).search(CommentQuery.of(q)).facets().get("source");
    }

    @Test
    void pollsIndexNewCommentsOnceAndPickUpLateWritesInsideTheOverlap() {
        try (CommentIndex index = new CommentIndex(dir.resolve("index"))) {
            CommentFeed feed = feed(index);
            insert("r-00000001", T0, "the parcel was late");
            insert("r-00000002", T0.plusSeconds(10), "friendly staff");
            insert("r-00000003", T0.plusSeconds(11), null);

            assertThat(feed.poll()).isEqualTo(new CommentFeed.Pass(3, 0, 2));
            assertThat(feed.position("responses")).isEqualTo(T0.plusSeconds(11));
            assertThat(feed.poll().commentsIndexed()).as("the overlap re-read indexes nothing twice").isZero();

            // stamped before the position but inserted after the last poll (a slow concurrent write)
            insert("r-00000004", T0.plusSeconds(8), "refund took weeks");
            // stamped before position - overlap: outside the window the feed promises to re-read
            insert("r-00000005", T0.plusSeconds(5), "outside the window");
            assertThat(feed.poll()).isEqualTo(new CommentFeed.Pass(1, 0, 1));
            assertThat(hits(index, "refund")).isEqualTo(1);
            assertThat(hits(index, "window")).isZero();
            assertThat(feed.position("responses")).isEqualTo(T0.plusSeconds(11));
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
            assertThat(feed.position("responses")).isEqualTo(T0.plusSeconds(20));
            // re-reads from position - overlap: the second (harmless upsert) and the third
            assertThat(feed.poll()).isEqualTo(new CommentFeed.Pass(2, 0, 2));
            assertThat(hits(index, "comment")).isEqualTo(3);

            index.delete("r-00000001/COMMENT");
            assertThat(hits(index, "comment")).isEqualTo(2);
            assertThat(feed.rebuild()).isEqualTo(new CommentFeed.Pass(3, 0, 3));
            assertThat(hits(index, "comment")).isEqualTo(3);
            assertThat(index.lastCommittedPosition()).contains("receivedAt:" + T0.plusSeconds(30).toEpochMilli());
        }
    }

    @Test
    void hintedIdsAreIndexedByPrimaryKeyAndMoveThePositionForALaterCatchUp() {
        try (CommentIndex index = new CommentIndex(dir.resolve("index"))) {
            CommentFeed feed = feed(index);
            insert("r-00000001", T0, "courier lost the parcel");
            insert("r-00000002", T0.plusSeconds(4), "no comment here");
            insert("r-00000003", T0.plusSeconds(9), "great refund service");

            assertThat(feed.index("responses", List.of("r-00000003", "r-00000001", "r-unknown-1")))
                    .as("unknown ids are skipped").isEqualTo(new CommentFeed.Pass(2, 0, 2));
            assertThat(feed.position("responses")).isEqualTo(T0.plusSeconds(9));
            assertThat(hits(index, "parcel")).isEqualTo(1);
            assertThat(hits(index, "comment")).as("not hinted, not read").isZero();
            assertThat(feed.index("responses", List.of("r-00000003")).commentsIndexed())
                    .as("a repeated hint inside the overlap indexes nothing twice").isZero();
            // a poll after the hints re-reads from position - overlap: the unhinted r-00000002 is caught up
            assertThat(feed.poll()).isEqualTo(new CommentFeed.Pass(1, 0, 1));
            assertThat(hits(index, "comment")).isEqualTo(1);
        }
    }

    @Test
    void recordsWithTextAreCommentsOfTheirOwnSourceAndEveryOtherKindIsNot() {
        try (CommentIndex index = new CommentIndex(dir.resolve("index"))) {
            CommentFeed feed = feed(index);
            record(interactions, "i-1", T0, note("caller says the zqparcel never arrived"));
            record(interactions, "i-2", T0, note(null).append("outcome", "resolved"));
            record(community, "c-1", T0, post("post", "zqparcel tracking is great"));
            record(community, "c-2", T0, post("reply", "zqparcel same here"));
            record(community, "c-3", T0, post("answer", "zqparcel: ask for a refund"));
            record(community, "c-4", T0, post("praise", "zqparcel thanks"));
            record(community, "c-5", T0, post("read", null));

            assertThat(feed.poll()).isEqualTo(new CommentFeed.Pass(0, 7, 4));
            assertThat(sources(index, "zqparcel")).isEqualTo(Map.of("interaction", 1L, "post", 1L, "reply", 1L, "answer", 1L));
            var answers = new CommentSearch(index, new byte[32])
                    .search(CommentQuery.of("zqparcel").withSource(io.sentio.search.entity.CommentSource.ANSWER));
            assertThat(answers.hits()).extracting(h -> h.id() + " " + h.source() + " " + h.touchpoint())
                    .containsExactly("community/c-3 answer community");
        }
    }

    @Test
    void hintedRecordsAreReadByIdAndAReplacementThatLosesItsTextLeavesTheIndex() {
        try (CommentIndex index = new CommentIndex(dir.resolve("index"))) {
            CommentFeed feed = feed(index);
            record(community, "c-1", T0, post("post", "checkout keeps failing"));
            record(community, "c-2", T0, post("post", "not hinted"));
            assertThat(feed.index("community", List.of("c-1", "c-unknown"))).isEqualTo(new CommentFeed.Pass(0, 1, 1));
            assertThat(hits(index, "checkout")).isEqualTo(1);
            assertThat(hits(index, "hinted")).isZero();
            assertThat(feed.position("community")).isEqualTo(T0);

            // the same record replaced later (new stamp) as a praise, which is not a comment
            record(community, "c-1", T0.plusSeconds(1), post("praise", "checkout keeps failing"));
            assertThat(feed.index("community", List.of("c-1")).commentsIndexed()).isZero();
            assertThat(hits(index, "checkout")).as("the old post is gone").isZero();
        }
    }

    @Test
    void eachSourceCatchesUpFromItsOwnPositionAfterARestart() {
        Path path = dir.resolve("index");
        record(interactions, "i-legacy", null, note("legacy note written before stamps existed"));
        try (CommentIndex index = new CommentIndex(path)) {
            CommentFeed feed = feed(index);
            record(interactions, "i-1", T0.plusSeconds(100), note("first note"));
            record(community, "c-1", T0.plusSeconds(10), post("post", "first post"));
            assertThat(feed.poll()).as("no positions yet: everything, also unstamped records")
                    .isEqualTo(new CommentFeed.Pass(0, 3, 3));
            feed.commit();
            assertThat(index.lastCommittedPosition()).contains("interactions:" + T0.plusSeconds(100).toEpochMilli()
                    + " community:" + T0.plusSeconds(10).toEpochMilli());
        }
        // written while the server was down: inside each source's overlap window, and outside another source's
        record(interactions, "i-2", T0.plusSeconds(97), note("second note, stamped before the position"));
        record(community, "c-2", T0.plusSeconds(20), post("reply", "second post"));
        record(community, "c-old", T0, post("post", "outside the window: lost by design"));
        try (CommentIndex index = new CommentIndex(path)) {
            CommentFeed feed = feed(index);
            assertThat(feed.position("interactions")).isEqualTo(T0.plusSeconds(100));
            assertThat(feed.position("community")).isEqualTo(T0.plusSeconds(10));
            assertThat(feed.position("responses")).isNull();
            // interactions from 95 s: i-1 (upsert) and i-2; community from 5 s: c-1 (upsert) and c-2
            assertThat(feed.poll()).isEqualTo(new CommentFeed.Pass(0, 4, 4));
            assertThat(hits(index, "note")).isEqualTo(3);
            assertThat(hits(index, "second")).isEqualTo(2);
            assertThat(hits(index, "window")).isZero();

            assertThat(feed.rebuild()).as("a rebuild reads everything").isEqualTo(new CommentFeed.Pass(0, 6, 6));
            assertThat(hits(index, "window")).isEqualTo(1);
        }
    }

    @Test
    void deletionsRemoveAResponsesCommentsAndEveryCommentOfACustomerDurably() {
        Path path = dir.resolve("index");
        try (CommentIndex index = new CommentIndex(path)) {
            CommentFeed feed = feed(index);
            insert("r-00000001", T0, "zqword response one");
            insert("r-00000002", T0, "zqword response two");
            responses.updateOne(new Document("_id", "r-00000002"), new Document("$set", new Document("customer", "cust-1")));
            record(interactions, "i-1", T0, note("zqword note of cust-1"));
            record(community, "c-1", T0, post("post", "zqword post of cust-1").append("customer", "cust-2"));
            feed.poll();
            feed.commit();
            assertThat(hits(index, "zqword")).isEqualTo(4);

            feed.delete(List.of("r-00000001"), null);
            assertThat(hits(index, "zqword")).isEqualTo(3);
            feed.delete(List.of(), "cust-1");
            assertThat(hits(index, "zqword")).as("the response and the note of cust-1").isEqualTo(1);
        }
        try (CommentIndex index = new CommentIndex(path)) {
            assertThat(index.size()).as("deletions were committed").isEqualTo(1);
        }
    }
}

package io.sentio.search.control;

import io.sentio.search.entity.CommentDocument;
import io.sentio.search.entity.CommentSource;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordCommentReaderTest {

    private static final Instant DATE = Instant.parse("2026-02-03T00:00:00Z");
    /** The driver connects lazily: nothing here talks to a server. */
    private static final com.mongodb.client.MongoClient CLIENT = com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:1");
    private static final RecordCommentReader INTERACTIONS =
            new RecordCommentReader(CLIENT.getDatabase("sentio"), RecordCommentReader.Kind.INTERACTIONS);

    @org.junit.jupiter.api.AfterAll
    static void close() {
        CLIENT.close();
    }

    private static Document interaction(String touchpoint, String note) {
        return new Document("_id", "call 17/a").append("customer", "Ann Lee").append("touchpoint", touchpoint)
                .append("channel", "phone").append("type", "complaint").append("note", note)
                .append("date", Date.from(DATE)).append("storedAt", Date.from(DATE.plusSeconds(5)));
    }

    @Test
    void anInteractionNoteIsACommentWithTheRecordsCustomerDateAndTouchpoint() {
        CommentDocument c = INTERACTIONS.comment(interaction("phone", "客户说包裹丢了")).orElseThrow();
        assertThat(c.id()).isEqualTo("interactions/call 17/a");
        assertThat(c.source()).isEqualTo(CommentSource.INTERACTION);
        assertThat(c.responseId()).isNull();
        assertThat(c.touchpoint()).isEqualTo("phone");
        assertThat(c.customerRef()).isEqualTo("Ann Lee");
        assertThat(c.date()).as("when it happened, not when it was stored").isEqualTo(DATE);
        assertThat(c.languageTag()).as("detected from the script at indexing").isNull();
        assertThat(INTERACTIONS.stamp(interaction("phone", "x"))).isEqualTo(DATE.plusSeconds(5));
    }

    @Test
    void freeTextTouchpointsBecomeSlugs() {
        assertThat(RecordCommentReader.slug("Call Centre")).isEqualTo("call-centre");
        assertThat(RecordCommentReader.slug("  web  ")).isEqualTo("web");
        assertThat(RecordCommentReader.slug("store_42")).isEqualTo("store_42");
        assertThat(RecordCommentReader.slug("电话")).isEqualTo(RecordCommentReader.OTHER_TOUCHPOINT);
        assertThat(RecordCommentReader.slug("x".repeat(39) + " y")).isEqualTo("x".repeat(39));
        assertThat(RecordCommentReader.slug("a".repeat(100))).hasSize(40);
    }

    @Test
    void recordsWithoutTextOrDateGiveNoComment() {
        assertThat(INTERACTIONS.comment(interaction("phone", "  "))).isEmpty();
        assertThat(INTERACTIONS.comment(interaction("phone", null))).isEmpty();
        Document undated = interaction("phone", "text");
        undated.remove("date");
        assertThat(INTERACTIONS.comment(undated)).isEmpty();
    }
}

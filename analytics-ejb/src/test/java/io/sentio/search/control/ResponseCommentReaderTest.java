package io.sentio.search.control;

import io.sentio.search.entity.CommentDocument;
import io.sentio.search.entity.CommentSource;
import io.sentio.search.entity.ScoreBand;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCommentReaderTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:15:30.123Z");

    private static Document response(Document answers) {
        return new Document("_id", "r-0001abcd").append("deployment", "d-42").append("touchpoint", "store")
                .append("template", "nps").append("templateVersion", 1).append("language", "zh-TW")
                .append("answers", answers).append("receivedAt", Date.from(RECEIVED));
    }

    @Test
    void everyTextAnswerIsACommentWithTheResponseFields() {
        Document answers = new Document("EXTRA", "the staff were kind").append("NPS", 3)
                .append("COMMENT", "退貨很慢").append("CE1", 7);
        List<CommentDocument> comments = ResponseCommentReader.comments(response(answers).append("customer", "c-17"));

        assertThat(comments).extracting(CommentDocument::id).containsExactly("r-0001abcd/COMMENT", "r-0001abcd/EXTRA");
        CommentDocument first = comments.getFirst();
        assertThat(first.text()).isEqualTo("退貨很慢");
        assertThat(first.source()).isEqualTo(CommentSource.RESPONSE);
        assertThat(first.responseId()).isEqualTo("r-0001abcd");
        assertThat(first.deployment()).isEqualTo("d-42");
        assertThat(first.touchpoint()).isEqualTo("store");
        assertThat(first.languageTag()).isEqualTo("zh-TW");
        assertThat(first.date()).isEqualTo(RECEIVED);
        assertThat(first.scoreBand()).isEqualTo(ScoreBand.DETRACTOR);
        assertThat(first.customerRef()).isEqualTo("c-17");
        assertThat(first.sentiment()).as("scored by the index").isNull();
    }

    @Test
    void npsGivesTheBandByReichheldsCutOffs() {
        assertThat(band(6)).isEqualTo(ScoreBand.DETRACTOR);
        assertThat(band(7)).isEqualTo(ScoreBand.PASSIVE);
        assertThat(band(8)).isEqualTo(ScoreBand.PASSIVE);
        assertThat(band(9)).isEqualTo(ScoreBand.PROMOTER);
        assertThat(band(10)).isEqualTo(ScoreBand.PROMOTER);
        assertThat(band(7.5)).isEqualTo(ScoreBand.NONE);
        assertThat(band(11)).isEqualTo(ScoreBand.NONE);
        assertThat(ResponseCommentReader.comments(response(new Document("COMMENT", "ok"))).getFirst().scoreBand())
                .isEqualTo(ScoreBand.NONE);
    }

    @Test
    void responsesWithoutFreeTextOrDateGiveNoComment() {
        assertThat(ResponseCommentReader.comments(response(new Document("NPS", 9).append("COMMENT", "   ")))).isEmpty();
        assertThat(ResponseCommentReader.comments(response(new Document("NPS", 9)))).isEmpty();
        Document undated = response(new Document("COMMENT", "fine"));
        undated.remove("receivedAt");
        assertThat(ResponseCommentReader.comments(undated)).isEmpty();
    }

    @Test
    void customerReferencesTheIndexCannotHoldAreLeftOutAndLongTextIsCapped() {
        String longText = "x".repeat(CommentDocument.MAX_TEXT_LENGTH + 10);
        List<CommentDocument> comments = ResponseCommentReader.comments(
                response(new Document("COMMENT", longText)).append("customer", "line\nbreak"));
        assertThat(comments).singleElement().satisfies(c -> {
            assertThat(c.customerRef()).isNull();
            assertThat(c.text()).hasSize(CommentDocument.MAX_TEXT_LENGTH);
        });
        assertThat(ResponseCommentReader.comments(response(new Document("COMMENT", "ok")).append("customer", "Ann Lee #7"))
                .getFirst().customerRef()).as("record ids may hold spaces; erasure finds them").isEqualTo("Ann Lee #7");
    }

    @Test
    void positionsDecodePerSourceAndForeignEntriesMeanStartFromScratch() {
        Instant later = RECEIVED.plusSeconds(60);
        assertThat(CommentFeed.decodeAll("receivedAt:" + RECEIVED.toEpochMilli() + " community:" + later.toEpochMilli()))
                .isEqualTo(java.util.Map.of("receivedAt", RECEIVED, "community", later));
        assertThat(CommentFeed.decodeAll("receivedAt:" + RECEIVED.toEpochMilli()))
                .as("an index from before records were fed").isEqualTo(java.util.Map.of("receivedAt", RECEIVED));
        assertThat(CommentFeed.decodeAll("2026-03-01|abc")).isEmpty();
        assertThat(CommentFeed.decodeAll("receivedAt:soon")).isEmpty();
        assertThat(CommentFeed.decodeAll(null)).isEmpty();
    }

    private static ScoreBand band(Number nps) {
        return ResponseCommentReader.comments(response(new Document("NPS", nps).append("COMMENT", "text"))).getFirst()
                .scoreBand();
    }
}

package io.sentio.storage.control;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BsonDataTypeTest {

    private static <T> T roundTrip(BsonDataType<T> type, T value) {
        WriteBuffer out = new WriteBuffer();
        type.write(out, value);
        out.put((byte) 42); // a neighbour in the page: reading must stop exactly at the value's end
        ByteBuffer in = out.getBuffer();
        in.flip();
        T read = type.read(in);
        assertThat(in.get()).isEqualTo((byte) 42);
        return read;
    }

    @Test
    void documentsKeepEveryBsonTypeAndNesting() {
        Document answers = new Document("CE1", 8).append("NPS", 10L).append("share", 0.25)
                .append("COMMENT", "退货很慢 <b>late</b>").append("tags", List.of("a", 1, new Document("x", true)));
        Document response = new Document("_id", "r-0001").append("answers", answers)
                .append("receivedAt", Instant.parse("2026-11-23T10:15:30.123Z")).append("customer", null)
                .append("oid", new ObjectId()).append("uuid", UUID.randomUUID());

        Document read = roundTrip(BsonDataType.DOCUMENTS, response);

        assertThat(read).isEqualTo(response);
        assertThat(((Document) read.get("answers")).get("NPS")).isInstanceOf(Long.class);
        assertThat(new ArrayList<>(read.keySet())).as("field order kept").containsExactlyElementsOf(response.keySet());
    }

    @Test
    void keysOfEveryShapeSurviveTheRoundTrip() {
        for (Object key : List.of("r-0001", 42, 7L, 2.5, new ObjectId(), new Document("a", 1).append("b", "x"),
                Missing.getInstance(), new KeyValue("web", Instant.parse("2026-01-01T00:00:00Z")),
                new KeyValue(Arrays.asList(null, Missing.getInstance(), "z")))) {
            assertThat(roundTrip(BsonDataType.KEYS, key)).as("key %s", key).isEqualTo(key);
        }
    }

    @Test
    void keysCompareInMongoDbOrder() {
        // MongoDB's cross-type order: null < numbers < strings < documents < ObjectId < booleans < dates
        List<Object> ordered = List.of(1, 2.5, 3L, "a", "b", new Document("a", 1), new ObjectId(), false, true,
                Instant.parse("2026-01-01T00:00:00Z"));
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = 0; j < ordered.size(); j++) {
                assertThat(Integer.signum(BsonDataType.KEYS.compare(ordered.get(i), ordered.get(j))))
                        .as("%s vs %s", ordered.get(i), ordered.get(j)).isEqualTo(Integer.signum(Integer.compare(i, j)));
            }
        }
        assertThat(BsonDataType.KEYS.compare(new KeyValue("web", 1), new KeyValue("web", 2))).isNegative();
        assertThat(BsonDataType.KEYS.compare(new KeyValue("web", 2), new KeyValue("app", 9))).isPositive();
        assertThat(BsonDataType.KEYS.compare(new KeyValue("web"), new KeyValue("web", 1))).isNegative();
        assertThat(BsonDataType.KEYS.compare(new KeyValue("r-1"), new KeyValue("r-1"))).isZero();
    }
}

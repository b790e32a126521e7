package io.sentio.storage.control;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How the embedded store keeps documents, primary keys and unique-index keys in its MVStore B-trees: as BSON
 * (the wire format the documents arrived in), compared in MongoDB's order.
 *
 * <p>Why: mongo-java-server's own H2 backend leaves both to MVStore's generic object type, which stores a
 * document with Java serialisation and compares index keys by serialising them on every comparison. That
 * made the store cost about a millisecond of CPU per inserted response (profile in docs/benchmarks.md);
 * BSON encoding and {@link ValueComparator} do the same work in microseconds. Both types are stateless.
 */
abstract sealed class BsonDataType<T> extends BasicDataType<T> {

    /** Whole documents (the values of a collection's map). */
    static final BsonDataType<Document> DOCUMENTS = new Documents();

    /** Primary keys and index keys: any BSON value, {@link KeyValue} tuples and {@link Missing}. */
    static final BsonDataType<Object> KEYS = new Keys();

    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    /** Encodes into a per-thread scratch buffer, then copies the bytes into MVStore's page buffer. */
    static void writeBson(WriteBuffer out, Map<String, ?> document) {
        ByteBuf scratch = SCRATCH.get();
        scratch.clear();
        BsonEncoder.encodeDocument(document, scratch);
        out.put(scratch.array(), scratch.arrayOffset() + scratch.readerIndex(), scratch.readableBytes());
    }

    /** Decodes one BSON document at the buffer's position and advances past it. */
    static Document readBson(ByteBuffer in) {
        int length = Integer.reverseBytes(in.getInt(in.position())); // BSON is little-endian, ByteBuffer big-endian
        ByteBuf bytes = Unpooled.wrappedBuffer(in.slice(in.position(), length));
        in.position(in.position() + length);
        return BsonDecoder.decodeBson(bytes);
    }

    /** A size estimate for MVStore's page and cache accounting; it needs to be cheap, not exact. */
    static int estimate(Object value) {
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        } else if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += 32 + estimate(e.getKey()) + estimate(e.getValue());
            }
            return size;
        } else if (value instanceof Collection<?> list) {
            int size = 48;
            for (Object element : list) {
                size += 8 + estimate(element);
            }
            return size;
        }
        return 24;
    }

    private static final class Documents extends BsonDataType<Document> {

        @Override
        public int getMemory(Document document) {
            return estimate(document);
        }

        @Override
        public void write(WriteBuffer out, Document document) {
            writeBson(out, document);
        }

        @Override
        public Document read(ByteBuffer in) {
            return readBson(in);
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /**
     * Keys are written as a one-byte tag: {@code M} {@link Missing}, {@code K} a {@link KeyValue} (count, then
     * each element as a key), {@code V} any other value wrapped as the BSON document {@code {"": value}}.
     */
    private static final class Keys extends BsonDataType<Object> {

        private static final ValueComparator ORDER = ValueComparator.asc();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                int n = Math.min(x.size(), y.size());
                for (int i = 0; i < n; i++) {
                    int c = ORDER.compare(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(x.size(), y.size());
            }
            return ORDER.compare(a, b);
        }

        @Override
        public int getMemory(Object key) {
            return key instanceof KeyValue k ? estimate(k.stream().toList()) : estimate(key);
        }

        @Override
        public void write(WriteBuffer out, Object key) {
            if (key instanceof Missing) {
                out.put((byte) 'M');
            } else if (key instanceof KeyValue tuple) {
                out.put((byte) 'K').putVarInt(tuple.size());
                tuple.forEach(element -> write(out, element));
            } else {
                out.put((byte) 'V');
                writeBson(out, new Document("", key));
            }
        }

        @Override
        public Object read(ByteBuffer in) {
            byte tag = in.get();
            return switch (tag) {
                case 'M' -> Missing.getInstance();
                case 'K' -> {
                    int size = org.h2.mvstore.DataUtils.readVarInt(in);
                    List<Object> elements = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        elements.add(read(in));
                    }
                    yield new KeyValue(elements);
                }
                case 'V' -> readBson(in).get("");
                default -> throw new IllegalStateException("corrupt key in the embedded store: tag " + tag);
            };
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }
}

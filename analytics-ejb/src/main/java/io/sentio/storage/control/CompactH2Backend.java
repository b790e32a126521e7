package io.sentio.storage.control;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's H2 backend with {@link BsonDataType} for documents and keys instead of MVStore's generic
 * object type. Collections, queries and updates are mongo-java-server's own ({@link H2Collection}); only how the
 * B-trees store and compare their entries differs, and with it the file format (a store written by the plain
 * H2 backend cannot be opened by this one).
 */
final class CompactH2Backend extends H2Backend {

    CompactH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static <K, V> MVMap<K, V> open(MVStore store, String name, org.h2.mvstore.type.DataType<? super K> keys,
                                           org.h2.mvstore.type.DataType<? super V> values) {
        return store.openMap(name, new MVMap.Builder<K, V>().keyType(keys).valueType(values));
    }

    /**
     * Opens every map of a database with the compact types; dropping and renaming stay H2Database's. An inner
     * class on purpose: the super constructor already opens collections, before any field of this class is set,
     * while the enclosing backend (and its store) is reachable from the start.
     */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore mv = getMvStore();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = open(mv, "databases." + fullName, BsonDataType.KEYS, BsonDataType.DOCUMENTS);
            MVMap<String, Object> meta = mv.openMap("meta." + fullName);
            return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVMap<KeyValue, Object> map = open(getMvStore(),
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName, BsonDataType.KEYS,
                    BsonDataType.KEYS);
            return new UniqueIndex(map, indexName, keys, sparse);
        }
    }

    /** A unique index in an MVMap from key tuple to document position; mirrors mongo-java-server's H2 one. */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}

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
            MVMap<String, Object> meta = getMvStore().openMap("meta." + getFullCollectionNamespace(collectionName));
            return new H2Collection(this, collectionName, options, documents(collectionName), meta, cursorRegistry);
        }

        /** A collection's documents by {@code _id}: the collection's storage and its {@code _id} index at once. */
        private MVMap<Object, Document> documents(String collectionName) {
            return open(getMvStore(), "databases." + getFullCollectionNamespace(collectionName), BsonDataType.KEYS,
                    BsonDataType.DOCUMENTS);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            if (keys.size() == 1 && keys.getFirst().getKey().equals("_id") && !sparse) {
                return new PrimaryKeyIndex(documents(collectionName), indexName, keys);
            }
            MVMap<KeyValue, Object> map = open(getMvStore(),
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName, BsonDataType.KEYS,
                    BsonDataType.KEYS);
            return new UniqueIndex(map, indexName, keys, sparse);
        }
    }

    /**
     * The {@code _id} index without a B-tree of its own: a collection's documents are already stored in an MVMap keyed
     * by {@code _id} (the document's position is its {@code _id}), so that map answers every question the index is
     * asked. mongo-java-server's H2 backend keeps a second map from {@code _id} to {@code _id}; maintaining it was
     * about 40 % of an insert's cost in the store (two look-ups and a put per document, and its pages rewritten by
     * every commit).
     *
     * <p>The collection puts a document into its map before it adds it to its indexes and removes it after removing
     * it from them, so {@link #add} only checks nothing else holds the key, and {@link #removeDocument} only reports
     * where the document is.
     */
    private static final class PrimaryKeyIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<Object, Document> data;

        PrimaryKeyIndex(MVMap<Object, Document> data, String name, List<IndexKey> keys) {
            super(name, keys, false);
            this.data = data;
        }

        @Override
        public synchronized void add(Document document, Object position, de.bwaldvogel.mongo.MongoCollection<Object> collection) {
            // the document is in the map already, under its _id: nothing to add, and nothing to check again
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return getPosition(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            throw new UnsupportedOperationException("the _id index is the collection's own map");
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return () -> data.keySet().stream().map(k -> Map.entry(new KeyValue(k), k)).iterator();
        }

        /** The stored key equal to the looked-up one (MongoDB equality: 1 and 1.0 are one key), or null. */
        @Override
        protected Object getPosition(KeyValue key) {
            Object id = key.get(0);
            Object stored = data.ceilingKey(Missing.ofNullable(id));
            return stored != null && BsonDataType.KEYS.compare(stored, Missing.ofNullable(id)) == 0 ? stored : null;
        }

        @Override
        public long getCount() {
            return data.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return data.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
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

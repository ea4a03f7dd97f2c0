import java.io.InputStream;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Starts mongo-java-server on a loopback port for Journey's embedded database.
 *
 * Usage: JourneyMongoServer (memory | h2 FILE) [PORT] [--lazy-commit] [--h2-key-order]
 * Prints "LISTENING <port>" once bound. Stops when its standard input closes (so it never outlives
 * the Node process that started it) or on SIGTERM; the H2 store is committed and closed either way.
 *
 * Durability: with H2, every write command is committed to the store file before it is answered,
 * so an acknowledged write survives SIGKILL of this process (H2 on its own commits about once a
 * second). --lazy-commit keeps H2's own cadence; it exists only for the durability benchmark.
 * --h2-key-order orders unique-index keys as H2 does on its own (see RememberedKeyOrder); it exists
 * only for the test that reopens a store so written.
 */
public final class JourneyMongoServer {

    /** MongoDB 6.0 / wire version 17: accepted by the Node driver 7 (needs at least 9). */
    private static final MongoVersion MONGO_6_0 = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(6, 0, 0);
        }

        @Override
        public int getWireVersion() {
            return 17;
        }
    };

    /** Commands that change stored data (aggregate only with $out/$merge, checked below). */
    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "create", "createindexes", "drop",
            "dropdatabase", "dropindexes", "renamecollection");

    /**
     * The H2 backend, committing the store after each write command before answering it (unless
     * lazy), with collections that match a bare `_id $in` of plain ids by a set (see IdList).
     */
    static final class JourneyH2Backend extends H2Backend {
        private final boolean commitEachWrite;

        JourneyH2Backend(String file, boolean commitEachWrite) {
            super(file);
            this.commitEachWrite = commitEachWrite;
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                // Also after a failed command: an unordered bulk write stores the rows that passed.
                if (commitEachWrite && isWrite(command, query)) commit();
            }
        }

        private static boolean isWrite(String command, Document query) {
            String name = command.toLowerCase();
            if (WRITE_COMMANDS.contains(name)) return true;
            return name.equals("aggregate") && String.valueOf(query.get("pipeline")).matches(
                    "(?s).*\\$(out|merge)\\b.*");
        }

        // As H2Database opens a collection (the same map names), with IdListH2Collection.
        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            MVStore store = getMvStore();
            CursorRegistry cursors = getCursorRegistry();
            return new H2Database(name, store, cursors) {
                @Override
                protected MongoCollection<Object> openOrCreateCollection(String collection,
                        CollectionOptions options) {
                    String namespace = getFullCollectionNamespace(collection);
                    return new IdListH2Collection(this, collection, options,
                            store.openMap("databases." + namespace),
                            store.openMap("meta." + namespace), cursors);
                }

                // Opened first under the name the server gives it, with the remembered key order
                // (see RememberedKeyOrder): the server's own opening then finds the map open.
                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collection, String index,
                        List<IndexKey> keys, boolean sparse) {
                    if (rememberKeys) { // static: H2Backend opens stored databases in its constructor
                        store.openMap(getFullCollectionNamespace(collection) + "._index_" + index,
                                new MVMap.Builder<KeyValue, Object>().keyType(KEY_ORDER));
                    }
                    return super.openOrCreateUniqueIndex(collection, index, keys, sparse);
                }
            };
        }
    }

    private static final RememberedKeyOrder KEY_ORDER = new RememberedKeyOrder();
    private static boolean rememberKeys = true;

    /**
     * H2's order of unique-index keys, with each key's serialized form remembered. The server's keys
     * (KeyValue) are serializable but not comparable, so H2 orders them by their Java-serialized
     * bytes, serializing both keys again on every comparison: one `_id` lookup cost about 2·log2(n)
     * serializations, 43 % of the stand-in's CPU in a cold demo ranking. Same bytes
     * (ObjectDataType.serialize), same comparison (compareNotNull), so the same order: files written
     * before read the same, and what is written is unchanged. Bytes are kept per key object (not by
     * equality: two equal keys may serialize differently) and dropped once H2 drops the key.
     * Stand-in only (the H2 store; the memory backend's indexes are hash maps).
     */
    static final class RememberedKeyOrder extends ObjectDataType {
        private final ReferenceQueue<Object> dropped = new ReferenceQueue<>();
        private final ConcurrentHashMap<KeyRef, byte[]> serialized = new ConcurrentHashMap<>();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue && b instanceof KeyValue) {
                return a == b ? 0 : compareNotNull(serializedOf(a), serializedOf(b));
            }
            return super.compare(a, b);
        }

        private byte[] serializedOf(Object key) {
            byte[] known = serialized.get(new KeyRef(key, null));
            if (known != null) return known;
            for (Reference<?> gone; (gone = dropped.poll()) != null; ) serialized.remove(gone);
            byte[] bytes = serialize(key);
            serialized.put(new KeyRef(key, dropped), bytes);
            return bytes;
        }
    }

    /** A weak reference equal to another only while both refer to the very same object. */
    static final class KeyRef extends WeakReference<Object> {
        private final int hash;

        KeyRef(Object key, ReferenceQueue<Object> queue) {
            super(key, queue);
            hash = System.identityHashCode(key);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) return true;
            Object key = get();
            return key != null && other instanceof KeyRef ref && ref.get() == key;
        }
    }

    static final class IdListH2Collection extends H2Collection {
        private final IdList ids = new IdList();

        IdListH2Collection(MongoDatabase database, String name, CollectionOptions options,
                MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            Boolean listed = ids.matches(document, query);
            return listed != null ? listed : super.documentMatchesQuery(document, query);
        }
    }

    /**
     * mongo-java-server finds the documents of an `_id $in` through the `_id` index, then matches
     * each one against the whole list again (value by value), so a read of n ids costs n² value
     * comparisons. Only a bare `{ _id: { $in: [...] } }` of plain ids (ObjectIds and strings, whose
     * equality is the same in Java as in MongoDB) takes the short way, a set; every other query is
     * matched as before. The set of the query being matched is kept: the same query object is
     * matched against every document it found.
     */
    static final class IdList {
        private Document lastQuery;
        private Set<Object> lastIds;

        /** Whether the document is listed, or null when the server's own matching must decide. */
        Boolean matches(Document document, Document query) {
            Set<Object> listed = plainIdList(query);
            Object id = document.get("_id");
            if (listed == null || !isPlainId(id)) return null;
            return listed.contains(id);
        }

        private synchronized Set<Object> plainIdList(Document query) {
            if (query == lastQuery) return lastIds;
            Set<Object> listed = null;
            if (query.size() == 1 && query.get("_id") instanceof Document condition
                    && condition.size() == 1 && condition.get("$in") instanceof List<?> values
                    && values.stream().allMatch(JourneyMongoServer::isPlainId)) {
                listed = new HashSet<>(values);
            }
            lastQuery = query;
            lastIds = listed;
            return listed;
        }
    }

    /**
     * Memory collections that keep each document as its BSON bytes, decoded when read, and match a
     * bare `{ _id: { $in: [...] } }` in constant time per document (see IdList). Stand-in only
     * (tests and benchmarks; H2 and MongoDB keep their own storage): mongo-java-server's memory
     * backend keeps every document as nested Java maps, six to eight times its BSON size (an import
     * of 100 000 fault tickets held ~4 GB), so young collections slowed as the data grew. As
     * bytes, the heap holds one array per document; a read decodes a fresh copy (as H2's store
     * does), an update stores the updated document.
     * Extends MemoryCollection only to fit MemoryDatabase: every method touching its own document
     * list is overridden, so that list stays empty.
     */
    static final class CompactCollection extends MemoryCollection {
        private final List<byte[]> stored = new ArrayList<>();
        private final Deque<Integer> freed = new ArrayDeque<>();
        private final BitSet free = new BitSet();
        private final AtomicInteger size = new AtomicInteger();
        private final IdList ids = new IdList();

        CompactCollection(MongoDatabase database, String name, CollectionOptions options,
                CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        private static byte[] encode(Document document) {
            ByteBuf buffer = Unpooled.buffer();
            try {
                BsonEncoder.encodeDocument(document, buffer);
                byte[] bytes = new byte[buffer.readableBytes()];
                buffer.readBytes(bytes);
                return bytes;
            } finally {
                buffer.release();
            }
        }

        private static Document decode(byte[] bytes) {
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        }

        @Override
        protected void updateDataSize(int delta) {
            size.addAndGet(delta);
        }

        @Override
        protected int getDataSize() {
            return size.get();
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            Integer position = freed.poll();
            if (position == null) {
                stored.add(encode(document));
                return stored.size() - 1;
            }
            free.clear(position);
            stored.set(position, encode(document));
            return position;
        }

        private IntStream positions() {
            return IntStream.range(0, stored.size()).filter(position -> !free.get(position));
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit,
                int batchSize, Document projection) {
            int last = stored.size() - 1;
            IntStream order = isNaturalDescending(orderBy)
                    ? IntStream.rangeClosed(0, last).map(i -> last - i).filter(p -> !free.get(p))
                    : positions();
            return matchDocumentsFromStream(order.mapToObj(this::getDocument), query, orderBy, skip,
                    limit, batchSize, projection);
        }

        @Override
        public synchronized int count() {
            return stored.size() - freed.size();
        }

        @Override
        public synchronized boolean isEmpty() {
            return count() == 0;
        }

        @Override
        protected Integer findDocumentPosition(Document document) {
            return positions().filter(position -> getDocument(position).equals(document))
                    .boxed().findFirst().orElse(null);
        }

        @Override
        protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
            return positions().mapToObj(position ->
                    new DocumentWithPosition<>(getDocument(position), position));
        }

        @Override
        protected void removeDocument(Integer position) {
            stored.set(position, null);
            free.set(position);
            freed.add(position);
        }

        @Override
        protected Document getDocument(Integer position) {
            return decode(stored.get(position));
        }

        // An update changes the document it read in place (here a decoded copy) and reports it as
        // `changed`, with a copy of the version before: the changed one is stored.
        @Override
        protected void handleUpdate(Integer position, Document before, Document changed) {
            stored.set(position, encode(changed));
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            Boolean listed = ids.matches(document, query);
            return listed != null ? listed : super.documentMatchesQuery(document, query);
        }
    }

    private static boolean isPlainId(Object value) {
        return value instanceof ObjectId || value instanceof String;
    }

    /** The memory backend with CompactCollection for every collection. */
    static final class CompactMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String name) {
            CursorRegistry cursors = getCursorRegistry();
            return new MemoryDatabase(name, cursors) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collection,
                        CollectionOptions options) {
                    return new CompactCollection(this, collection, options, cursors);
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args).stream().filter(a -> a.startsWith("--")).toList();
        List<String> rest = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        if (rest.isEmpty()) {
            System.err.println(
                    "usage: JourneyMongoServer (memory | h2 FILE) [PORT] [--lazy-commit] [--h2-key-order]");
            System.exit(2);
        }
        boolean h2 = rest.get(0).equals("h2");
        boolean lazy = flags.contains("--lazy-commit");
        rememberKeys = !flags.contains("--h2-key-order");
        MongoBackend backend = h2 ? new JourneyH2Backend(rest.get(1), !lazy)
                : new CompactMemoryBackend();
        backend.version(MONGO_6_0);
        int portArg = h2 ? 2 : 1;
        int port = rest.size() > portArg ? Integer.parseInt(rest.get(portArg)) : 0;

        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        System.out.println("LISTENING " + server.getLocalAddress().getPort());
        System.out.flush();

        InputStream in = System.in;
        while (in.read() != -1) {
            // The parent never writes; end-of-stream means it has gone.
        }
        System.exit(0);
    }
}

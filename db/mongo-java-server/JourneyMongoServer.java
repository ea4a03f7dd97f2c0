import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.channel.Channel;

/**
 * Starts mongo-java-server on a loopback port for Journey's embedded database.
 *
 * Usage: JourneyMongoServer (memory | h2 FILE) [PORT] [--lazy-commit]
 * Prints "LISTENING <port>" once bound. Stops when its standard input closes (so it never outlives
 * the Node process that started it) or on SIGTERM; the H2 store is committed and closed either way.
 *
 * Durability: with H2, every write command is committed to the store file before it is answered,
 * so an acknowledged write survives SIGKILL of this process (H2 on its own commits about once a
 * second). --lazy-commit keeps H2's own cadence; it exists only for the durability benchmark.
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

    /** The H2 backend, committing the store after each write command before answering it. */
    static final class CommittingH2Backend extends H2Backend {
        CommittingH2Backend(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                // Also after a failed command: an unordered bulk write stores the rows that passed.
                if (isWrite(command, query)) commit();
            }
        }

        private static boolean isWrite(String command, Document query) {
            String name = command.toLowerCase();
            if (WRITE_COMMANDS.contains(name)) return true;
            return name.equals("aggregate") && String.valueOf(query.get("pipeline")).matches(
                    "(?s).*\\$(out|merge)\\b.*");
        }
    }

    /**
     * Memory collections that match a document against a bare `{ _id: { $in: [...] } }` in
     * constant time. mongo-java-server finds those documents through the `_id` index, then matches
     * each one against the whole list again (value by value), so a read of n ids costs n² value
     * comparisons: about a quarter of the stand-in's CPU in an import, whose reads go by `_id $in`
     * in parts of up to 500 ids. Only lists of plain ids (ObjectIds and strings, whose equality is
     * the same in Java as in MongoDB) take the short way; every other query is matched as before.
     */
    static final class IdListCollection extends MemoryCollection {
        private Document lastQuery;
        private Set<Object> lastIds;

        IdListCollection(MongoDatabase database, String name, CollectionOptions options,
                CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            Set<Object> ids = plainIdList(query);
            Object id = document.get("_id");
            if (ids == null || !isPlainId(id)) return super.documentMatchesQuery(document, query);
            return ids.contains(id);
        }

        // The ids of a bare `_id $in` of plain ids, or null; the set of the query being matched
        // is kept (the same query object is matched against every document it found).
        private synchronized Set<Object> plainIdList(Document query) {
            if (query == lastQuery) return lastIds;
            Set<Object> ids = null;
            if (query.size() == 1 && query.get("_id") instanceof Document condition
                    && condition.size() == 1 && condition.get("$in") instanceof List<?> values
                    && values.stream().allMatch(JourneyMongoServer::isPlainId)) {
                ids = new HashSet<>(values);
            }
            lastQuery = query;
            lastIds = ids;
            return ids;
        }
    }

    private static boolean isPlainId(Object value) {
        return value instanceof ObjectId || value instanceof String;
    }

    /** The memory backend with IdListCollection for every collection. */
    static final class IdListMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String name) {
            CursorRegistry cursors = getCursorRegistry();
            return new MemoryDatabase(name, cursors) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collection,
                        CollectionOptions options) {
                    return new IdListCollection(this, collection, options, cursors);
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args).stream().filter(a -> a.startsWith("--")).toList();
        List<String> rest = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        if (rest.isEmpty()) {
            System.err.println("usage: JourneyMongoServer (memory | h2 FILE) [PORT] [--lazy-commit]");
            System.exit(2);
        }
        boolean h2 = rest.get(0).equals("h2");
        boolean lazy = flags.contains("--lazy-commit");
        MongoBackend backend = !h2 ? new IdListMemoryBackend()
                : lazy ? new H2Backend(rest.get(1)) : new CommittingH2Backend(rest.get(1));
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

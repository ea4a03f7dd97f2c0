import java.io.InputStream;
import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Starts mongo-java-server on a loopback port for Journey's embedded database.
 *
 * Usage: JourneyMongoServer (memory | h2 FILE) [PORT]
 * Prints "LISTENING <port>" once bound. Stops when its standard input closes (so it never outlives
 * the Node process that started it) or on SIGTERM; the H2 store is committed and closed either way.
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

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: JourneyMongoServer (memory | h2 FILE) [PORT]");
            System.exit(2);
        }
        boolean h2 = args[0].equals("h2");
        MongoBackend backend = h2 ? new H2Backend(args[1]) : new MemoryBackend();
        backend.version(MONGO_6_0);
        int portArg = h2 ? 2 : 1;
        int port = args.length > portArg ? Integer.parseInt(args[portArg]) : 0;

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

package chainatlas.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j in this process, for Chain Atlas on one machine: Bolt on 127.0.0.1 only, authentication
 * off (any user and password is accepted: a real deployment uses its own server), page cache
 * capped, usage reporting off (nothing leaves the machine).
 *
 * <pre>java -cp ... chainatlas.neo4j.Launcher PORT DATA_DIR PAGE_CACHE_MIB [--exit-on-stdin-close]</pre>
 *
 * Prints one line "Neo4j VERSION is ready at bolt://127.0.0.1:PORT (data: DIR)" once the default
 * database answers; SIGTERM or SIGINT shut it down cleanly and print "Neo4j stopped", and so does
 * the end of its standard input with --exit-on-stdin-close (its starter gone, however it ended:
 * no Neo4j is left behind holding the port). The arguments are checked by scripts/neo4j.mjs,
 * which starts it.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    boolean watchStdin = args.length == 4 && args[3].equals("--exit-on-stdin-close");
    if (args.length != 3 && !watchStdin) {
      System.err.println("usage: Launcher PORT DATA_DIR PAGE_CACHE_MIB [--exit-on-stdin-close]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path home = Path.of(args[1]).toAbsolutePath();
    long pageCacheMib = Long.parseLong(args[2]);
    Files.createDirectories(home);

    DatabaseManagementService dbms;
    try {
      dbms =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMib))
              .setConfig(GraphDatabaseSettings.udc_enabled, false)
              .build();
    } catch (RuntimeException e) {
      System.err.println("Neo4j could not start: " + rootMessage(e));
      System.exit(1);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  dbms.shutdown();
                  System.out.println("Neo4j stopped");
                  System.out.flush();
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(60_000)) {
      System.err.println("Neo4j could not start: its database was not available after 60 s; see " + home.resolve("logs"));
      System.exit(1);
    }
    String version = DatabaseManagementService.class.getPackage().getImplementationVersion();
    System.out.println(
        "Neo4j " + (version == null ? "5.26" : version) + " is ready at bolt://127.0.0.1:" + port + " (data: " + home + ")");
    System.out.flush();
    if (watchStdin) {
      Thread watcher =
          new Thread(
              () -> {
                try {
                  while (System.in.read() != -1) {
                    // nothing is sent: wait for the end
                  }
                } catch (java.io.IOException e) {
                  // a closed pipe is the end too
                }
                System.exit(0);
              },
              "stdin-watcher");
      watcher.setDaemon(true);
      watcher.start();
    }
    stopped.await();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      message.append(": ").append(cause.getMessage());
    }
    return message.toString();
  }
}

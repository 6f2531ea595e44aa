// Runs an embedded Neo4j 5.26 with Bolt on a local port, for development, tests and CI on machines without Docker.

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.neo4j.commandline.admin.security.PasswordCommand;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Starts Neo4j with the settings plangraph expects (Bolt on 127.0.0.1, no file URLs for LOAD CSV, a transaction
 * timeout, per-transaction and total memory limits) and stops it cleanly on SIGTERM, SIGINT or, with
 * --exit-with-parent, when standard input closes. The password is in force before Bolt opens its port: a new store is
 * created with it (the initial-password file neo4j-admin writes), and an existing store whose password differs from the
 * configured one is first started with Bolt off to change it, so no client ever sees the factory login neo4j/neo4j.
 */
public final class Launcher {
  private static final String PREFIX = "plangraph-neo4j: ";
  /** Where the launcher remembers (as a salted hash) the password it last set, so unchanged ones need no extra start. */
  private static final String PASSWORD_STAMP = "password.sha256";

  private Launcher() {}

  /** Parses the flags, starts the database management service and waits until the JVM is asked to stop. */
  public static void main(String[] args) throws IOException {
    Map<String, String> flags = parseFlags(args);
    String host = flags.getOrDefault("host", "127.0.0.1");
    int port = Integer.parseInt(flags.getOrDefault("port", "7687"));
    Path home = Path.of(flags.getOrDefault("data", ".neo4j/data")).toAbsolutePath();
    Path pidFile = flags.containsKey("pid-file") ? Path.of(flags.get("pid-file")).toAbsolutePath() : null;
    boolean auth = !flags.containsKey("no-auth");
    String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
    long pageCache = parseBytes(flags.getOrDefault("pagecache", "512m"));
    Duration txTimeout = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("tx-timeout-seconds", "600")));
    long txMemory = parseBytes(flags.getOrDefault("tx-memory", "256m"));
    long txMemoryTotal = parseBytes(flags.getOrDefault("tx-memory-total", "512m"));

    if (auth && password.length() < 8) {
      System.err.println(PREFIX + "NEO4J_PASSWORD must have at least 8 characters when auth is on (or pass --no-auth)");
      System.exit(2);
    }
    Files.createDirectories(home);

    Map<Setting<?>, Object> config = new HashMap<>();
    config.put(BoltConnector.enabled, true);
    config.put(GraphDatabaseSettings.memory_tracking, true);
    config.put(GraphDatabaseSettings.memory_transaction_max_size, txMemory);
    config.put(GraphDatabaseSettings.memory_transaction_global_max_size, txMemoryTotal);
    config.put(BoltConnector.listen_address, new SocketAddress(host, port));
    config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
    config.put(GraphDatabaseSettings.auth_enabled, auth);
    config.put(GraphDatabaseSettings.pagecache_memory, pageCache);
    config.put(GraphDatabaseSettings.allow_file_urls, false);
    config.put(GraphDatabaseSettings.transaction_timeout, txTimeout);
    config.put(GraphDatabaseSettings.udc_enabled, false);
    config.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
    config.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));

    if (auth) {
      boolean fresh = !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
      if (fresh) writeInitialPassword(home, password);
      else if (!stampMatches(home, password)) {
        // Bolt stays closed while the stored password is changed, then the server starts again with it open.
        Map<Setting<?>, Object> closed = new HashMap<>(config);
        closed.put(BoltConnector.enabled, false);
        DatabaseManagementService offline = startOrExit(home, closed, port);
        setPassword(offline, password);
        offline.shutdown();
      }
    }
    DatabaseManagementService dbms = startOrExit(home, config, port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dbms, pidFile), "plangraph-neo4j-shutdown"));
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (auth) writeStamp(home, password);
    if (pidFile != null) {
      Files.createDirectories(pidFile.getParent());
      Files.writeString(pidFile, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
    }
    System.out.println(
        PREFIX
            + "ready on bolt://"
            + host
            + ":"
            + port
            + " (auth "
            + (auth ? "on, user neo4j" : "off")
            + ", data "
            + home
            + ", pid "
            + ProcessHandle.current().pid()
            + ")");
    System.out.flush();

    if (flags.containsKey("exit-with-parent")) exitWhenStdinCloses();
  }

  /** Builds and starts the database management service, or exits with advice when it cannot start. */
  private static DatabaseManagementService startOrExit(Path home, Map<Setting<?>, Object> config, int port) {
    try {
      return new DatabaseManagementServiceBuilder(home).setConfig(config).build();
    } catch (RuntimeException e) {
      System.err.println(PREFIX + "could not start Neo4j in " + home + ": " + rootMessage(e));
      System.err.println(PREFIX + "is another Neo4j using this data folder or port " + port + "? (npm run neo4j:stop)");
      System.exit(1);
      return null;
    }
  }

  /**
   * Writes the initial-password file (data/dbms/auth.ini, as neo4j-admin dbms set-initial-password does): the system
   * database is created with this password for user neo4j, before Bolt accepts its first connection.
   */
  private static void writeInitialPassword(Path home, String password) throws IOException {
    Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
    Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    FileUserRepository users =
        new FileUserRepository(
            new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
    try {
      users.start();
      byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
      users.create(new User("neo4j", null, new PasswordCommand() {}.createCredentialForPassword(bytes), false, false));
      users.shutdown();
    } catch (Exception e) {
      throw new IOException("could not write the initial password to " + file + ": " + rootMessage(e), e);
    }
  }

  /** Whether the password stamp in the home folder records this password (salted SHA-256). */
  private static boolean stampMatches(Path home, String password) {
    try {
      String[] parts = Files.readString(home.resolve(PASSWORD_STAMP), StandardCharsets.UTF_8).trim().split(":");
      return parts.length == 2 && parts[1].equals(saltedHash(parts[0], password));
    } catch (IOException e) {
      return false;
    }
  }

  /** Records the password now in force as a salted hash, readable by the owner only. */
  private static void writeStamp(Path home, String password) throws IOException {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    String hexSalt = HexFormat.of().formatHex(salt);
    Path stamp = home.resolve(PASSWORD_STAMP);
    Files.writeString(stamp, hexSalt + ":" + saltedHash(hexSalt, password) + "\n", StandardCharsets.UTF_8);
    stamp.toFile().setReadable(false, false);
    stamp.toFile().setReadable(true, true);
  }

  private static String saltedHash(String salt, String password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets the neo4j user's password, so a fresh store accepts the configured one without a forced change. */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    } catch (RuntimeException e) {
      if (!rootMessage(e).contains("cannot be the same")) throw e;
    }
  }

  /** Shuts the database down and removes the pid file; runs from the shutdown hook. */
  private static void stop(DatabaseManagementService dbms, Path pidFile) {
    System.out.println(PREFIX + "stopping");
    dbms.shutdown();
    if (pidFile != null) {
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        System.err.println(PREFIX + "could not remove " + pidFile + ": " + e.getMessage());
      }
    }
    System.out.println(PREFIX + "stopped");
    System.out.flush();
  }

  /** Reads standard input until it closes, then exits, so the JVM never outlives the process that started it. */
  private static void exitWhenStdinCloses() {
    Thread watcher =
        new Thread(
            () -> {
              InputStream in = System.in;
              byte[] buffer = new byte[256];
              try {
                while (in.read(buffer) >= 0) {
                  // Input is ignored; only its end matters.
                }
              } catch (IOException e) {
                // A broken pipe means the parent is gone as well.
              }
              System.exit(0);
            },
            "plangraph-neo4j-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static Map<String, String> parseFlags(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument " + arg);
      String name = arg.substring(2);
      int eq = name.indexOf('=');
      if (eq >= 0) flags.put(name.substring(0, eq), name.substring(eq + 1));
      else if (i + 1 < args.length && !args[i + 1].startsWith("--")) flags.put(name, args[++i]);
      else flags.put(name, "true");
    }
    return flags;
  }

  private static long parseBytes(String text) {
    String t = text.trim().toLowerCase();
    long unit = 1;
    if (t.endsWith("k")) unit = 1L << 10;
    else if (t.endsWith("m")) unit = 1L << 20;
    else if (t.endsWith("g")) unit = 1L << 30;
    if (unit > 1) t = t.substring(0, t.length() - 1);
    return Long.parseLong(t) * unit;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}

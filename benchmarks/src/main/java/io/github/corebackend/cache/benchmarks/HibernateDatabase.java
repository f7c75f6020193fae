package io.github.corebackend.cache.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * A PostgreSQL database of the Hibernate benchmark's own: created under a unique name
 * ({@code cache_bench_<random>}) through a connection to the server's {@code postgres} database,
 * filled with {@value #ROWS} books, and dropped on {@link #close()} (or, failing that, when the JVM
 * exits). The server is the one the system properties {@value #URL_PROPERTY} (a JDBC URL ending in
 * {@code /}, by default {@code jdbc:postgresql://127.0.0.1:5432/}), {@value #USER_PROPERTY}
 * ({@code postgres}) and {@value #PASSWORD_PROPERTY} (none) name.
 */
final class HibernateDatabase implements AutoCloseable {

  static final String URL_PROPERTY = "benchmark.postgres.url";
  static final String USER_PROPERTY = "benchmark.postgres.user";
  static final String PASSWORD_PROPERTY = "benchmark.postgres.password";
  /** The system property naming a database made by {@link #create()} that forks use as it is. */
  static final String NAME_PROPERTY = "benchmark.hibernate.database";

  static final int ROWS = 1000;

  private final String server;
  private final String user;
  private final String password;
  private final String name;
  private final boolean owned;
  private final Thread dropAtExit;

  static {
    // Hibernate logs through JBoss Logging; to SLF4J's no-op binding, so the report prints alone.
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
  }

  private HibernateDatabase(String name, boolean owned) {
    this.server = System.getProperty(URL_PROPERTY, "jdbc:postgresql://127.0.0.1:5432/");
    this.user = System.getProperty(USER_PROPERTY, "postgres");
    this.password = System.getProperty(PASSWORD_PROPERTY, "");
    this.name = name;
    this.owned = owned;
    this.dropAtExit = owned ? new Thread(this::drop, "drop " + name) : null;
  }

  /** Creates a database with a unique name and fills it; close it to drop it. */
  static HibernateDatabase create() {
    String name = "cache_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    HibernateDatabase database = new HibernateDatabase(name, true);
    database.admin("CREATE DATABASE " + name);
    Runtime.getRuntime().addShutdownHook(database.dropAtExit);
    try {
      database.fill();
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The database {@link #NAME_PROPERTY} names, if set (closing leaves it to its owner), else a new one. */
  static HibernateDatabase fromPropertyOrCreate() {
    String name = System.getProperty(NAME_PROPERTY);
    return name != null ? new HibernateDatabase(name, false) : create();
  }

  /** The system properties a fork needs to use this database. */
  String[] forkProperties() {
    String[] properties = {"-D" + NAME_PROPERTY + "=" + name, "-D" + URL_PROPERTY + "=" + server,
        "-D" + USER_PROPERTY + "=" + user, "-D" + PASSWORD_PROPERTY + "=" + password};
    return password.isEmpty() ? Arrays.copyOf(properties, 3) : properties;
  }

  String jdbcUrl() {
    return server + name;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /** Why the server does not answer, or {@code null} when it does. */
  static String unreachableReason() {
    HibernateDatabase probe = new HibernateDatabase("postgres", false);
    try (Connection connection = DriverManager.getConnection(probe.server + "postgres", probe.user, probe.password)) {
      return connection.isValid(5) ? null : "PostgreSQL at " + probe.server + " does not answer";
    } catch (SQLException e) {
      return "no PostgreSQL at " + probe.server + " as " + probe.user + ": " + e.getMessage();
    }
  }

  /** Drops the database if this made it. */
  @Override
  public void close() {
    if (owned) {
      drop();
      try {
        Runtime.getRuntime().removeShutdownHook(dropAtExit);
      } catch (IllegalStateException exiting) {
        // the hook is running or has run
      }
    }
  }

  private synchronized void drop() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** The schema (through Hibernate, with its index) and the rows, in one transaction. */
  private void fill() {
    try (SessionFactory factory = new Configuration()
        .addAnnotatedClass(Book.class)
        .setProperty("hibernate.connection.url", jdbcUrl())
        .setProperty("hibernate.connection.username", user)
        .setProperty("hibernate.connection.password", password)
        .setProperty("hibernate.hbm2ddl.auto", "create")
        .setProperty("hibernate.jdbc.batch_size", "100")
        .setProperty("hibernate.cache.use_second_level_cache", "false")
        .buildSessionFactory()) {
      factory.inTransaction(session -> {
        for (long id = 1; id <= ROWS; id++) {
          session.persist(new Book(id));
        }
      });
    }
    admin("VACUUM ANALYZE", name);
  }

  private void admin(String sql) {
    admin(sql, "postgres");
  }

  private void admin(String sql, String database) {
    try (Connection connection = DriverManager.getConnection(server + database, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(String.format(Locale.ROOT, "PostgreSQL at %s%s refused %s: %s", server,
          database, sql, e.getMessage()), e);
    }
  }
}

package io.github.corebackend.cache.examples.hibernate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of the test's own on a real PostgreSQL: the server {@code POSTGRES_URL} names (a JDBC URL
 * of its {@code postgres} database), else the machine's service on 127.0.0.1:5432 as user
 * {@code postgres}. Created with a unique name, dropped (with whatever sessions are left) on close.
 */
final class PostgresDatabase implements AutoCloseable {

  private static final String USER = "postgres";

  private final String server;
  private final String name;

  private PostgresDatabase(String server, String name) {
    this.server = server;
    this.name = name;
  }

  /** A new, empty database. */
  static PostgresDatabase create() {
    String server = System.getenv().getOrDefault("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    String name = "cache_example_" + UUID.randomUUID().toString().replace("-", "");
    PostgresDatabase database = new PostgresDatabase(server, name);
    database.execute("CREATE DATABASE " + name);
    return database;
  }

  /** The JDBC URL of this database. */
  String url() {
    return server.substring(0, server.lastIndexOf('/') + 1) + name;
  }

  static String user() {
    return USER;
  }

  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(server, USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + server + " refused '" + sql + "' (set POSTGRES_URL to "
          + "the JDBC URL of a server's postgres database, user postgres, trust authentication): "
          + e.getMessage(), e);
    }
  }
}

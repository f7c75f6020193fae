package io.github.corebackend.cache.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * One peer's Hibernate session factory on the benchmark database, over a HikariCP pool as an
 * application would have it, with statistics off. A statement inspector counts the SQL statements
 * Hibernate sends, so that {@link #verify()} can prove that a cached peer, once warm, serves finds and
 * queries without PostgreSQL (a misconfigured cache cannot report the database's speed as its own).
 */
final class HibernateFixture implements AutoCloseable {

  /** The cached query: the first page of one genre, as a listing would show it. */
  static final String QUERY = "select b from Book b where b.genre = :genre order by b.id";
  static final int PAGE = 20;

  private final HibernatePeer peer;
  private final Path directory;
  private final HikariDataSource pool;
  private final SessionFactory factory;
  private final LongAdder statements = new LongAdder();

  private HibernateFixture(HibernatePeer peer, String redisUrl, HibernateDatabase database) throws IOException {
    this.peer = peer;
    this.directory = Files.createTempDirectory("hibernate-bench-" + peer.name().toLowerCase() + "-");
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("hibernate-bench-" + peer);
    pool.setJdbcUrl(database.jdbcUrl());
    pool.setUsername(database.user());
    pool.setPassword(database.password());
    pool.setMaximumPoolSize(4);
    this.pool = new HikariDataSource(pool);
    try {
      String namespace = "hbench-" + UUID.randomUUID();
      Configuration configuration = new Configuration()
          .addAnnotatedClass(Book.class)
          .setProperty("hibernate.hbm2ddl.auto", "none")
          .setProperty("hibernate.generate_statistics", "false")
          .setStatementInspector(sql -> {
            statements.increment();
            return sql;
          });
      configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, this.pool);
      peer.cacheSettings(redisUrl, directory, namespace).forEach(configuration::setProperty);
      this.factory = configuration.buildSessionFactory();
    } catch (IOException | RuntimeException e) {
      this.pool.close();
      deleteDirectory();
      throw e;
    }
  }

  /** Opens {@code peer}'s session factory; {@code redisUrl} is used by the Redis peers only. */
  static HibernateFixture open(HibernatePeer peer, String redisUrl, HibernateDatabase database) {
    try {
      return new HibernateFixture(peer, redisUrl, database);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One find by id in a session and transaction of its own, as a service method would do it. */
  Book find(long id) {
    return factory.fromTransaction(session -> session.find(Book.class, id));
  }

  /** The cached query, in a session and transaction of its own. */
  List<Book> query(Book.Genre genre) {
    return factory.fromTransaction(session -> session.createSelectionQuery(QUERY, Book.class)
        .setParameter("genre", genre)
        .setMaxResults(PAGE)
        .setCacheable(true)
        .getResultList());
  }

  /** The SQL statements Hibernate has sent so far. */
  long statements() {
    return statements.sum();
  }

  /**
   * Writes the table once, as an application does at some point (so that the query cache's
   * update-timestamps region holds the table's entry, as it will in production), reads every book
   * and runs the query for every genre twice (the first time loads and puts, the second reads what
   * was put: the near backend keeps copies of what it reads, not of what it writes), then checks
   * that reading again gives the right books and sends no SQL (cached peers) or exactly one statement
   * per find and per query (L2 off). Fails with what it saw otherwise.
   */
  void warmAndVerify() {
    factory.inTransaction(session -> session
        .createMutationQuery("update Book b set b.pages = b.pages where b.id = 1").executeUpdate());
    for (int pass = 0; pass < 2; pass++) {
      for (long id = 1; id <= HibernateDatabase.ROWS; id++) {
        find(id);
      }
      for (Book.Genre genre : Book.Genre.values()) {
        query(genre);
      }
    }
    long before = statements();
    SplittableRandom random = new SplittableRandom(7);
    int finds = 200;
    for (int i = 0; i < finds; i++) {
      long id = 1 + random.nextInt(HibernateDatabase.ROWS);
      Book book = find(id);
      if (book == null || book.getId() != id || book.getGenre() != Book.genreOf(id)) {
        throw new IllegalStateException(peer + ": find(" + id + ") returned " + describe(book));
      }
    }
    for (Book.Genre genre : Book.Genre.values()) {
      List<Book> books = query(genre);
      if (books.size() != PAGE || !books.stream().allMatch(book -> book.getGenre() == genre)) {
        throw new IllegalStateException(peer + ": the query for " + genre + " returned " + books.size() + " books");
      }
    }
    long sent = statements() - before;
    long expected = peer.cached() ? 0 : finds + Book.Genre.values().length;
    if (sent != expected) {
      throw new IllegalStateException(String.format("%s: %d finds and %d queries, once warm, sent %d SQL statements,"
          + " not %d: the second-level cache is not what serves them", peer, finds, Book.Genre.values().length,
          sent, expected));
    }
  }

  /** Empties the regions (the Redis peers' keys go too), then closes the factory and the pool. */
  @Override
  public void close() {
    try {
      if (peer.cached()) {
        factory.getCache().evictAllRegions();
      }
      factory.close();
    } finally {
      pool.close();
      deleteDirectory();
    }
  }

  private static String describe(Book book) {
    return book == null ? "null" : "book " + book.getId() + " (" + book.getGenre() + ")";
  }

  private void deleteDirectory() {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}

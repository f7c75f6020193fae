package io.github.corebackend.cache.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.corebackend.cache.redis.RedisTestServer;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.cfg.Configuration;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate ORM's second-level cache on this provider's redis backend, configured as Hibernate users
 * do it: {@code hibernate.javax.cache.uri} names the provider's configuration file. Two session
 * factories with their own cache managers stand for two JVMs: an entity one caches, the other reads
 * from Redis without touching the database. Hibernate's cache entries have final fields and no
 * default constructors; they come back through the JDK serializer and its allow-list, the model's
 * enums included without naming them.
 */
class HibernateSecondLevelCacheTest {

  private static final RedisTestServer SERVER = RedisTestServer.shared();

  @TempDir
  Path directory;

  /** An enum of the model, which Hibernate keeps as it is in its cache entries. */
  public enum Genre { FICTION, ESSAY }

  /** A cached entity. */
  @Entity
  @Cacheable
  @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
  public static class Book {
    @Id
    private Long id;
    private String title;
    private Genre genre;

    protected Book() {}

    Book(Long id, String title, Genre genre) {
      this.id = id;
      this.title = title;
      this.genre = genre;
    }

    String title() {
      return title;
    }

    Genre genre() {
      return genre;
    }
  }

  @Test
  void anEntityCachedByOneJvmIsReadFromRedisByAnother() throws IOException {
    String namespace = "hibernate-" + UUID.randomUUID();
    String database = "books-" + UUID.randomUUID();
    try (SessionFactory writer = sessionFactory(configFile("writer", namespace), database);
        SessionFactory reader = sessionFactory(configFile("reader", namespace), database)) {
      writer.inTransaction(session -> session.persist(new Book(1L, "Dune", Genre.FICTION)));

      Statistics statistics = reader.getStatistics();
      Book book = reader.fromSession(session -> session.find(Book.class, 1L));

      assertEquals("Dune", book.title());
      assertEquals(Genre.FICTION, book.genre(), "an enum of the model, read back with no allow-list");
      assertEquals(1, statistics.getSecondLevelCacheHitCount(), "read from the cache in Redis");
      assertEquals(0, statistics.getEntityLoadCount(), "not from the database");
    }
  }

  private URI configFile(String name, String namespace) throws IOException {
    Path file = directory.resolve(name + "-cache.properties");
    Files.writeString(file, String.join("\n", "cache.backend=redis", "cache.redis.url=" + SERVER.url(),
        "cache.namespace=" + namespace, "cache.statistics=true"));
    return file.toUri();
  }

  private static SessionFactory sessionFactory(URI cacheConfig, String database) {
    return new Configuration()
        .addAnnotatedClass(Book.class)
        .setProperty("hibernate.connection.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
        .setProperty("hibernate.hbm2ddl.auto", "update")
        .setProperty("hibernate.cache.use_second_level_cache", "true")
        .setProperty("hibernate.cache.region.factory_class", "jcache")
        .setProperty("hibernate.javax.cache.provider", "io.github.corebackend.cache.UnifiedCachingProvider")
        .setProperty("hibernate.javax.cache.uri", cacheConfig.toString())
        .setProperty("hibernate.javax.cache.missing_cache_strategy", "create")
        .setProperty("hibernate.generate_statistics", "true")
        .buildSessionFactory();
  }
}

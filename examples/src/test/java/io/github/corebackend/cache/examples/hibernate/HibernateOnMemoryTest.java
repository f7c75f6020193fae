package io.github.corebackend.cache.examples.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import org.hibernate.cache.jcache.internal.JCacheRegionFactory;
import org.hibernate.cache.spi.RegionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hibernate on the embedded memory backend: every form of {@code hibernate.javax.cache.uri} that
 * Hibernate accepts reaches the provider's configuration file; Hibernate's entries are kept without
 * copies although Hibernate creates its regions store-by-value; reference entries work.
 */
class HibernateOnMemoryTest {

  private static final String CONFIG = "hibernate-cache.properties";

  @AutoClose
  final PostgresDatabase database = PostgresDatabase.create();

  /** What to write in {@code hibernate.javax.cache.uri}; a {@code file:} URI works too (the other tests). */
  @ParameterizedTest
  @ValueSource(strings = {"classpath://" + CONFIG, CONFIG, "/" + CONFIG})
  void everyUriFormHibernateAcceptsReachesTheConfigurationFile(String uri) throws Exception {
    try (Library library = Library.open(database.url(), uri, Map.of())) {
      CacheManager manager = cacheManager(library);
      assertEquals(getClass().getClassLoader().getResource(CONFIG).toURI(), manager.getURI());
      library.addAuthor(1, "Iain Banks");
      assertTrue(configuration(region(manager, Author.class)).isStatisticsEnabled(),
          "cache.statistics=true, from the file, applies to the regions Hibernate creates");
    }
  }

  /** {@code classpath:} without the slashes is not a form Hibernate understands: it never reaches us. */
  @Test
  void classpathWithoutSlashesIsRefusedByHibernate() {
    Exception refused = assertThrows(Exception.class,
        () -> Library.open(database.url(), "classpath:" + CONFIG, Map.of()).close());
    assertTrue(String.valueOf(causes(refused)).contains("Couldn't load URI from classpath:" + CONFIG),
        () -> "unexpected: " + refused);
  }

  @Test
  void hibernatesEntriesAreKeptWithoutCopies() {
    try (Library library = Library.open(database.url(), CONFIG, Map.of())) {
      library.addAuthor(1, "Iain Banks");
      library.addBook(1, "Excession", Genre.FICTION, 1);
      Cache<Object, Object> books = region(cacheManager(library), Book.class);
      assertTrue(configuration(books).isStoreByValue(),
          "Hibernate creates its regions with a bare MutableConfiguration: store-by-value");
      Cache.Entry<Object, Object> entry = books.iterator().next();

      assertSame(entry.getValue(), books.get(entry.getKey()), "Hibernate's entry, not a copy of it");
      assertEquals("Excession", library.title(1));
      assertEquals(Genre.FICTION, library.genre(1));
    }
  }

  @Test
  void referenceEntriesWork() {
    try (Library library = Library.open(database.url(), CONFIG,
        Map.of("hibernate.cache.use_reference_entries", "true"))) {
      library.addCountry("IS", "Iceland");
      Statistics statistics = library.statistics();
      statistics.clear();

      assertEquals("Iceland", library.countryName("IS"));
      assertEquals(1, statistics.getSecondLevelCacheHitCount(), "the instance itself, from the cache");
      assertEquals(0, statistics.getEntityLoadCount());
    }
  }

  private static CacheManager cacheManager(Library library) {
    RegionFactory regions = library.sessions().unwrap(SessionFactoryImplementor.class).getServiceRegistry()
        .getService(RegionFactory.class);
    return ((JCacheRegionFactory) regions).getCacheManager();
  }

  private static Cache<Object, Object> region(CacheManager manager, Class<?> entity) {
    return manager.getCache(entity.getName());
  }

  @SuppressWarnings("unchecked") // the class object of a generic type
  private static CompleteConfiguration<?, ?> configuration(Cache<?, ?> cache) {
    return cache.getConfiguration(CompleteConfiguration.class);
  }

  private static StringBuilder causes(Throwable thrown) {
    StringBuilder messages = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      messages.append(t).append('\n');
    }
    return messages;
  }
}

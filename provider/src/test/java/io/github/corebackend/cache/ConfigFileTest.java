package io.github.corebackend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.spi.CachingProvider;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache managers configured by a file their URI names, as Hibernate and Spring Boot configure them. */
@SuppressWarnings("unchecked") // getConfiguration(CompleteConfiguration.class) of raw Class
class ConfigFileTest {

  private static final String FILE = """
      cache.statistics=true
      cache.default-ttl=10m
      cache.memory.max-items.users=2
      cache.default-ttl.users=1h
      cache.expiry.users=accessed
      cache.memory.store-by-reference.refs=true
      cache.management.eternal=true
      cache.default-ttl.eternal=0
      """;

  @TempDir
  Path directory;

  private final CachingProvider provider = new UnifiedCachingProvider();
  private final List<CacheManager> managers = new ArrayList<>();

  @AfterEach
  void closeManagers() {
    managers.forEach(CacheManager::close);
  }

  @Test
  void declaredCachesAreCreatedOnFirstRequestWithTheirSettings() throws IOException {
    CacheManager manager = manager(write("cache.properties", FILE));

    assertFalse(manager.getCacheNames().iterator().hasNext(), "nothing exists before it is asked for");
    Cache<Object, Object> users = manager.getCache("users");

    assertNotNull(users);
    assertSame(users, manager.getCache("users"));
    CompleteConfiguration<?, ?> configuration = users.getConfiguration(CompleteConfiguration.class);
    assertTrue(configuration.isStatisticsEnabled(), "statistics turned on by the file show as enabled");
    assertTrue(configuration.isStoreByValue());
    ExpiryPolicy expiry = configuration.getExpiryPolicyFactory().create();
    assertTrue(expiry instanceof AccessedExpiryPolicy, expiry.toString());
    assertEquals(new Duration(java.util.concurrent.TimeUnit.MILLISECONDS, 3_600_000L), expiry.getExpiryForAccess());
    for (int i = 0; i < 10; i++) {
      users.put("user" + i, i);
    }
    assertEquals(2, users.unwrap(UnifiedCache.class).size(), "bounded by cache.memory.max-items.users");
    assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(statisticsName(manager, "users")));
  }

  @Test
  void declaredCachesTakeTheTypesOfATypedRequest() throws IOException {
    CacheManager manager = manager(write("cache.properties", FILE));

    Cache<String, Integer> users = manager.getCache("users", String.class, Integer.class);

    assertEquals(String.class, users.getConfiguration(CompleteConfiguration.class).getKeyType());
    assertThrows(ClassCastException.class, () -> manager.getCache("users", Long.class, Integer.class));
  }

  @Test
  void storeByReferenceAndManagementComeFromTheFileToo() throws IOException {
    CacheManager manager = manager(write("cache.properties", FILE));

    Cache<String, List<String>> refs = manager.getCache("refs");
    List<String> value = new ArrayList<>(List.of("a"));
    refs.put("k", value);
    Cache<Object, Object> eternal = manager.getCache("eternal");

    assertSame(value, refs.get("k"));
    assertFalse(refs.getConfiguration(CompleteConfiguration.class).isStoreByValue());
    assertTrue(eternal.getConfiguration(CompleteConfiguration.class).isManagementEnabled());
    assertTrue(eternal.getConfiguration(CompleteConfiguration.class).getExpiryPolicyFactory().create()
        instanceof EternalExpiryPolicy, "cache.default-ttl.eternal=0 keeps it eternal");
  }

  @Test
  void managerWideSettingsAreTheTemplateOfCachesCreatedAtRunTime() throws IOException {
    CacheManager manager = manager(write("cache.properties", FILE));

    Cache<Long, String> region = manager.createCache("com.example.Order", new MutableConfiguration<>());
    Cache<Long, String> ownExpiry = manager.createCache("own", new MutableConfiguration<Long, String>()
        .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(Duration.ONE_MINUTE)));

    CompleteConfiguration<?, ?> configuration = region.getConfiguration(CompleteConfiguration.class);
    assertTrue(configuration.isStatisticsEnabled());
    assertTrue(configuration.getExpiryPolicyFactory().create() instanceof CreatedExpiryPolicy);
    assertEquals(new Duration(java.util.concurrent.TimeUnit.MILLISECONDS, 600_000L),
        configuration.getExpiryPolicyFactory().create().getExpiryForCreation());
    CompleteConfiguration<?, ?> own = ownExpiry.getConfiguration(CompleteConfiguration.class);
    assertEquals(Duration.ONE_MINUTE, own.getExpiryPolicyFactory().create().getExpiryForAccess(),
        "a configured policy wins over the default TTL");
    assertNull(manager.getCache("undeclared"));
  }

  @Test
  void theManagersPropertiesWinOverTheFile() throws IOException {
    Properties properties = new Properties();
    properties.setProperty("cache.memory.max-items.users", "5");
    CacheManager manager = provider.getCacheManager(write("cache.properties", FILE), getClass().getClassLoader(),
        properties);
    managers.add(manager);

    Cache<String, Integer> users = manager.getCache("users");
    for (int i = 0; i < 10; i++) {
      users.put("user" + i, i);
    }

    assertEquals(5, users.unwrap(UnifiedCache.class).size());
  }

  @Test
  void readsAFileInsideAJar() throws IOException {
    Path jar = directory.resolve("config.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/cache.properties"));
      out.write("cache.memory.max-items.sessions=1\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    URI uri = URI.create("jar:" + jar.toUri() + "!/META-INF/cache.properties");

    Cache<String, String> sessions = manager(uri).getCache("sessions");
    sessions.put("a", "1");
    sessions.put("b", "2");

    assertEquals(1, sessions.unwrap(UnifiedCache.class).size());
  }

  @Test
  void readsAFileOnTheClassPath() {
    for (String uri : new String[] {"classpath:config/test-cache.properties",
        "classpath:/config/test-cache.properties"}) {
      CacheManager manager = manager(URI.create(uri));

      assertEquals("from-classpath", manager.unwrap(UnifiedCacheManager.class).settings().namespace());
      assertNotNull(manager.getCache("products"), uri);
    }
  }

  @Test
  void aMissingFileFailsNamingIt() {
    URI missing = directory.resolve("absent.properties").toUri();

    CacheException e = assertThrows(CacheException.class, () -> manager(missing));
    assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
    CacheException onClassPath = assertThrows(CacheException.class,
        () -> manager(URI.create("classpath:nowhere/cache.properties")));
    assertTrue(onClassPath.getMessage().contains("classpath:nowhere/cache.properties does not exist"),
        onClassPath.getMessage());
  }

  @Test
  void aBadValueInTheFileFailsNamingFileKeyAndValue() throws IOException {
    URI uri = write("bad.properties", "cache.memory.max-items.users=-3\n");

    CacheException e = assertThrows(CacheException.class, () -> manager(uri));

    assertTrue(e.getMessage().contains("cache.memory.max-items.users (CACHE_MEMORY_MAX_ITEMS_USERS) '-3' in "
        + uri), e.getMessage());
  }

  @Test
  void aUriOfAnotherSchemeOnlyNamesTheManager() {
    CacheManager manager = manager(URI.create("urn:app:caches"));

    assertNull(manager.getCache("users"));
  }

  private CacheManager manager(URI uri) {
    CacheManager manager = provider.getCacheManager(uri, getClass().getClassLoader());
    managers.add(manager);
    return manager;
  }

  private URI write(String name, String text) throws IOException {
    Path file = directory.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file.toUri();
  }

  private static ObjectName statisticsName(CacheManager manager, String cacheName) {
    return io.github.corebackend.cache.management.ManagementRegistry.objectName(
        io.github.corebackend.cache.management.ManagementRegistry.BeanType.CacheStatistics, manager.getURI(),
        cacheName);
  }
}

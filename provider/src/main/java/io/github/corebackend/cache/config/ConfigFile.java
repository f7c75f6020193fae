package io.github.corebackend.cache.config;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * A configuration file named by a cache manager's URI, in {@link Properties} format with the keys of
 * {@link Setting} (manager-wide, or {@code <key>.<cache name>} for one cache). Hibernate
 * ({@code hibernate.javax.cache.uri}) and Spring Boot ({@code spring.cache.jcache.config}) hand the
 * file over this way, as {@code file:} or {@code jar:} URIs; {@code classpath:} URIs are resolved
 * through the manager's class loader.
 */
final class ConfigFile {

  private static final Set<String> FILE_SCHEMES = Set.of("file", "jar", "classpath");

  /** No file: the manager's URI is only its name. */
  static final ConfigFile NONE = new ConfigFile("", new Properties());

  private final String origin;
  private final Properties entries;

  private ConfigFile(String origin, Properties entries) {
    this.origin = origin;
    this.entries = entries;
  }

  /** Entries already read, from {@code origin}. */
  static ConfigFile of(String origin, Properties entries) {
    return new ConfigFile(origin, entries);
  }

  /** Whether {@code uri} names a configuration file rather than only a manager. */
  static boolean isConfigFile(URI uri) {
    return uri.getScheme() != null && FILE_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT));
  }

  /**
   * Reads the file {@code uri} names ({@link #NONE} if it names none).
   *
   * @throws IllegalArgumentException naming the file when it cannot be found or read
   */
  static ConfigFile read(URI uri, ClassLoader classLoader) {
    if (!isConfigFile(uri)) {
      return NONE;
    }
    Properties entries = new Properties();
    try (Reader reader = new InputStreamReader(open(uri, classLoader), StandardCharsets.UTF_8)) {
      entries.load(reader);
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new IllegalArgumentException("Cache configuration file " + uri + " does not exist", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot read cache configuration file " + uri + ": " + e, e);
    }
    return new ConfigFile(uri.toString(), entries);
  }

  private static InputStream open(URI uri, ClassLoader classLoader) throws IOException {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      return Files.newInputStream(Path.of(uri));
    }
    if (scheme.equals("jar")) {
      return uri.toURL().openStream();
    }
    String resource = uri.getSchemeSpecificPart().replaceFirst("^/+", "");
    URL found = classLoader.getResource(resource);
    if (found == null) {
      throw new FileNotFoundException(resource);
    }
    return found.openStream();
  }

  /** Where the entries came from, for error messages. */
  String origin() {
    return origin;
  }

  /** The file's entries. */
  Properties entries() {
    return entries;
  }
}

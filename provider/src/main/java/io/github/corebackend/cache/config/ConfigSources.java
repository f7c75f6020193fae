package io.github.corebackend.cache.config;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The places a setting's text comes from, highest precedence first: the properties given to the
 * manager, its configuration file, system properties, the environment. For one cache, a per-cache
 * value in any source beats a manager-wide value in every source: the more specific wins.
 */
final class ConfigSources {

  private final Properties explicit;
  private final ConfigFile file;
  private final Properties system;
  private final Map<String, String> environment;

  ConfigSources(Properties explicit, ConfigFile file, Properties system, Map<String, String> environment) {
    this.explicit = explicit;
    this.file = file;
    this.system = system;
    this.environment = environment;
  }

  /** A setting's text and where it was found, for error messages. */
  record Found(String text, String key, String variable, String origin) {

    /**
     * Describes the value: the key, its environment variable, the text (without any password of an
     * address) and the source, e.g. a file.
     */
    String describe() {
      String shown = RedisUrl.masked(text);
      return key + " (" + variable + ") '" + shown + "' in " + origin;
    }
  }

  /** The text of {@code setting} for {@code cacheName} ({@code null} for the manager), or its default. */
  Found find(Setting setting, @Nullable String cacheName) {
    if (cacheName != null) {
      Found specific = find(setting.keyFor(cacheName), setting.environmentVariableFor(cacheName));
      if (specific != null) {
        return specific;
      }
    }
    Found general = find(setting.key(), setting.environmentVariable());
    return general != null ? general
        : new Found(setting.defaultValue(), setting.key(), setting.environmentVariable(), "the defaults");
  }

  private @Nullable Found find(String key, String variable) {
    String value = explicit.getProperty(key);
    if (value != null) {
      return new Found(value.trim(), key, variable, "the cache manager's properties");
    }
    value = file.entries().getProperty(key);
    if (value != null) {
      return new Found(value.trim(), key, variable, file.origin());
    }
    value = system.getProperty(key);
    if (value != null) {
      return new Found(value.trim(), key, variable, "system properties");
    }
    value = environment.get(variable);
    return value == null ? null : new Found(value.trim(), key, variable, "the environment");
  }

  /**
   * The caches the manager's own configuration declares: every cache named by a per-cache key of
   * the file or of the manager's properties.
   *
   * @throws IllegalArgumentException naming the file and the key when a file key is no setting's
   */
  Set<String> declaredCaches() {
    Set<String> names = new TreeSet<>();
    for (String key : file.entries().stringPropertyNames()) {
      Setting.Scoped scoped = Setting.parse(key);
      if (scoped == null) {
        throw new IllegalArgumentException("Unknown key '" + key + "' in " + file.origin()
            + ": keys are cache.<setting> or cache.<setting>.<cache name>, e.g. cache.default-ttl.users");
      }
      addCache(names, scoped);
    }
    for (String key : explicit.stringPropertyNames()) {
      Setting.Scoped scoped = Setting.parse(key);
      if (scoped != null) {
        addCache(names, scoped);
      }
    }
    return names;
  }

  private static void addCache(Set<String> names, Setting.Scoped scoped) {
    if (scoped.cacheName() != null) {
      names.add(scoped.cacheName());
    }
  }
}

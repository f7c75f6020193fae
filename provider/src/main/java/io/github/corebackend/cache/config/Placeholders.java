package io.github.corebackend.cache.config;

import java.util.Map;
import java.util.Properties;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:default}} in the values of a configuration file, from
 * system properties and then environment variables, so that one file serves every environment
 * ({@code cache.redis.url=${REDIS_URL:redis://127.0.0.1:6379}}). The default is the text up to the
 * closing brace, taken as it is (it may be empty); placeholders do not nest. A variable that is not
 * set and has no default, or a <code>${</code> never closed, fails loudly, naming the key and the
 * variable but never the value, which may hold a password.
 */
final class Placeholders {

  private final Properties system;
  private final Map<String, String> environment;

  Placeholders(Properties system, Map<String, String> environment) {
    this.system = system;
    this.environment = environment;
  }

  /** A copy of {@code file} with every value expanded. */
  ConfigFile expand(ConfigFile file) {
    Properties expanded = new Properties();
    for (String key : file.entries().stringPropertyNames()) {
      expanded.setProperty(key, expand(file.entries().getProperty(key), key, file.origin()));
    }
    return ConfigFile.of(file.origin(), expanded);
  }

  private String expand(String value, String key, String origin) {
    int open = value.indexOf("${");
    if (open < 0) {
      return value;
    }
    StringBuilder expanded = new StringBuilder(value.length());
    int from = 0;
    while (open >= 0) {
      int close = value.indexOf('}', open + 2);
      if (close < 0) {
        throw new IllegalArgumentException("Key '" + key + "' in " + origin + " opens a placeholder with '${' "
            + "and never closes it with '}'");
      }
      expanded.append(value, from, open).append(resolve(value.substring(open + 2, close), key, origin));
      from = close + 1;
      open = value.indexOf("${", from);
    }
    return expanded.append(value, from, value.length()).toString();
  }

  private String resolve(String placeholder, String key, String origin) {
    int colon = placeholder.indexOf(':');
    String name = (colon < 0 ? placeholder : placeholder.substring(0, colon)).trim();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Key '" + key + "' in " + origin + " holds a placeholder without a "
          + "variable name: write ${NAME} or ${NAME:default}");
    }
    String value = system.getProperty(name);
    if (value == null) {
      value = environment.get(name);
    }
    if (value != null) {
      return value;
    }
    if (colon >= 0) {
      return placeholder.substring(colon + 1);
    }
    throw new IllegalArgumentException("Key '" + key + "' in " + origin + " refers to ${" + name + "}, which is "
        + "neither a system property nor an environment variable; set it, or give a default: ${" + name
        + ":default}");
  }
}

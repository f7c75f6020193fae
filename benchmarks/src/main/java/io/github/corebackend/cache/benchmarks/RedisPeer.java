package io.github.corebackend.cache.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.redisson.Redisson;
import org.redisson.api.RBuckets;
import org.redisson.api.RedissonClient;
import org.redisson.codec.SerializationCodec;
import org.redisson.config.Config;
import org.redisson.jcache.configuration.RedissonConfiguration;

/**
 * The Redis clients measured side by side: ours through JCache, Redisson's JCache, and the raw
 * clients an application could call instead (Lettuce, and Redisson's buckets). All of them
 * JDK-serialize the values. Each peer keeps its keys under a prefix of its own and removes them on
 * close.
 */
public enum RedisPeer {
  /** This project's redis backend. */
  UNIFIED {
    @Override
    BenchmarkCache<String, Object> open(String redisUrl) {
      return ours(redisUrl, "redis");
    }
  },
  /** This project's near backend: the same, with copies of what was read kept in memory in front. */
  UNIFIED_NEAR {
    @Override
    BenchmarkCache<String, Object> open(String redisUrl) {
      return ours(redisUrl, "near");
    }
  },
  /** Redisson's JCache provider. */
  REDISSON_JCACHE {
    @Override
    BenchmarkCache<String, Object> open(String redisUrl) {
      CacheManager manager = Caching.getCachingProvider("org.redisson.jcache.JCachingProvider").getCacheManager();
      return new JCacheAdapter<>(manager.createCache("bench-redisson-jcache",
          RedissonConfiguration.fromConfig(redissonConfig(redisUrl), new MutableConfiguration<String, Object>())));
    }
  },
  /** Lettuce's synchronous API over one shared connection, with MGET and MSET for the bulk operations. */
  LETTUCE {
    @Override
    BenchmarkCache<String, Object> open(String redisUrl) {
      return new LettuceCache(redisUrl, "bench-lettuce:");
    }
  },
  /** Redisson's buckets ({@code RBucket}, {@code RBuckets}). */
  REDISSON_BUCKET {
    @Override
    BenchmarkCache<String, Object> open(String redisUrl) {
      return new RedissonBuckets(Redisson.create(redissonConfig(redisUrl)), "bench-redisson-bucket:");
    }
  };

  /** Connects to {@code redisUrl} and opens the peer's cache there. */
  abstract BenchmarkCache<String, Object> open(String redisUrl);

  private static BenchmarkCache<String, Object> ours(String redisUrl, String backend) {
    Properties properties = new Properties();
    properties.setProperty("cache.backend", backend);
    properties.setProperty("cache.redis.url", redisUrl);
    properties.setProperty("cache.namespace", "bench-" + backend);
    properties.setProperty("cache.serializer.allow-list", Payload.class.getName());
    CacheManager manager = Caching.getCachingProvider("io.github.corebackend.cache.UnifiedCachingProvider")
        .getCacheManager(URI.create("benchmark-" + backend), RedisPeer.class.getClassLoader(), properties);
    return new JCacheAdapter<>(manager.createCache(backend, new MutableConfiguration<String, Object>()));
  }

  private static Config redissonConfig(String redisUrl) {
    Config config = new Config();
    config.setCodec(new SerializationCodec());
    config.useSingleServer().setAddress(redisUrl);
    return config;
  }

  /** Raw Lettuce. */
  private static final class LettuceCache implements BenchmarkCache<String, Object> {
    private final RedisClient client;
    private final StatefulRedisConnection<String, Object> connection;
    private final RedisCommands<String, Object> commands;
    private final String prefix;

    LettuceCache(String redisUrl, String prefix) {
      this.client = RedisClient.create(redisUrl);
      this.connection = client.connect(new JdkCodec());
      this.commands = connection.sync();
      this.prefix = prefix;
    }

    @Override
    public Object get(String key) {
      return commands.get(prefix + key);
    }

    @Override
    public void put(String key, Object value) {
      commands.set(prefix + key, value);
    }

    @Override
    public Map<String, Object> getAll(Set<String> keys) {
      String[] redisKeys = keys.stream().map(prefix::concat).toArray(String[]::new);
      Map<String, Object> found = new LinkedHashMap<>();
      commands.mget(redisKeys).forEach(pair -> {
        if (pair.hasValue()) {
          found.put(pair.getKey().substring(prefix.length()), pair.getValue());
        }
      });
      return found;
    }

    @Override
    public void putAll(Map<String, Object> entries) {
      Map<String, Object> prefixed = new LinkedHashMap<>();
      entries.forEach((key, value) -> prefixed.put(prefix + key, value));
      commands.mset(prefixed);
    }

    @Override
    public void close() {
      List<String> batch = new ArrayList<>();
      ScanIterator<String> keys = ScanIterator.scan(commands, ScanArgs.Builder.matches(prefix + "*").limit(1000));
      while (keys.hasNext()) {
        batch.add(keys.next());
        if (batch.size() == 1000 || !keys.hasNext()) {
          commands.unlink(batch.toArray(String[]::new));
          batch.clear();
        }
      }
      connection.close();
      client.shutdown();
    }
  }

  /** Raw Redisson buckets. */
  private static final class RedissonBuckets implements BenchmarkCache<String, Object> {
    private final RedissonClient redisson;
    private final RBuckets buckets;
    private final String prefix;

    RedissonBuckets(RedissonClient redisson, String prefix) {
      this.redisson = redisson;
      this.buckets = redisson.getBuckets();
      this.prefix = prefix;
    }

    @Override
    public Object get(String key) {
      return redisson.getBucket(prefix + key).get();
    }

    @Override
    public void put(String key, Object value) {
      redisson.getBucket(prefix + key).set(value);
    }

    @Override
    public Map<String, Object> getAll(Set<String> keys) {
      Map<String, Object> found = new LinkedHashMap<>();
      buckets.<Object>get(keys.stream().map(prefix::concat).toArray(String[]::new))
          .forEach((key, value) -> found.put(key.substring(prefix.length()), value));
      return found;
    }

    @Override
    public void putAll(Map<String, Object> entries) {
      Map<String, Object> prefixed = new LinkedHashMap<>();
      entries.forEach((key, value) -> prefixed.put(prefix + key, value));
      buckets.set(prefixed);
    }

    @Override
    public void close() {
      redisson.getKeys().unlinkByPattern(prefix + "*");
      redisson.shutdown();
    }
  }
}

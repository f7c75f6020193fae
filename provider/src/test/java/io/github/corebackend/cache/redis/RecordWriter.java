package io.github.corebackend.cache.redis;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.integration.CacheWriter;

/** A cache writer into {@link #RECORD}, the system of record of tests that write through. */
public final class RecordWriter implements CacheWriter<Object, Object> {

  /** What was written through, by key. */
  static final Map<Object, Object> RECORD = new ConcurrentHashMap<>();

  @Override
  public void write(Cache.Entry<?, ?> entry) {
    RECORD.put(entry.getKey(), entry.getValue());
  }

  @Override
  public void writeAll(Collection<Cache.Entry<?, ?>> entries) {
    entries.forEach(this::write);
  }

  @Override
  public void delete(Object key) {
    RECORD.remove(key);
  }

  @Override
  public void deleteAll(Collection<?> keys) {
    keys.forEach(this::delete);
  }
}

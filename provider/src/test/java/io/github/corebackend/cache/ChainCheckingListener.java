package io.github.corebackend.cache;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * Checks that each key's events form a chain: an update's old value is the value of the key's
 * previous event, a creation follows a removal (or nothing).
 */
public final class ChainCheckingListener implements CacheEntryCreatedListener<Integer, Long>,
    CacheEntryUpdatedListener<Integer, Long>, CacheEntryRemovedListener<Integer, Long>, Serializable {

  public static final Map<Integer, Long> last = new ConcurrentHashMap<>();
  public static final List<String> breaks = new CopyOnWriteArrayList<>();

  public static void reset() {
    last.clear();
    breaks.clear();
  }

  @Override
  public void onCreated(Iterable<CacheEntryEvent<? extends Integer, ? extends Long>> events) {
    for (CacheEntryEvent<? extends Integer, ? extends Long> event : events) {
      if (last.containsKey(event.getKey())) {
        breaks.add("created " + event.getKey() + " while holding " + last.get(event.getKey()));
      }
      last.put(event.getKey(), event.getValue());
    }
  }

  @Override
  public void onUpdated(Iterable<CacheEntryEvent<? extends Integer, ? extends Long>> events) {
    for (CacheEntryEvent<? extends Integer, ? extends Long> event : events) {
      Long previous = last.put(event.getKey(), event.getValue());
      if (!event.getOldValue().equals(previous)) {
        breaks.add("updated " + event.getKey() + " from " + event.getOldValue() + " after " + previous);
      }
    }
  }

  @Override
  public void onRemoved(Iterable<CacheEntryEvent<? extends Integer, ? extends Long>> events) {
    for (CacheEntryEvent<? extends Integer, ? extends Long> event : events) {
      Long previous = last.remove(event.getKey());
      if (!event.getOldValue().equals(previous)) {
        breaks.add("removed " + event.getKey() + " holding " + event.getOldValue() + " after " + previous);
      }
    }
  }
}

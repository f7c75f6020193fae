package io.github.corebackend.cache.redis;

import io.github.corebackend.cache.redis.RedisConnection.ScriptCall;
import io.github.corebackend.cache.spi.KeyStripes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keys grouped by cluster slot, with their Redis keys in the same order: each group can be one
 * command or one script call, and all groups go out in one round trip.
 *
 * @param keys the cache keys of each group
 * @param redisKeys the Redis keys of each group
 * @param <K> the type of keys
 */
record SlotGroups<K>(List<List<K>> keys, List<List<byte[]>> redisKeys) {

  /** Groups {@code order} by the slot of each key's Redis key. */
  static <K> SlotGroups<K> of(List<K> order, KeyCodec<K> codec, RedisConnection redis) {
    if (order.size() == 1) {
      // A single key, the hot path of get: one group, without the maps.
      return new SlotGroups<>(List.of(order), List.of(List.of(codec.encode(order.get(0)))));
    }
    Map<Integer, List<K>> bySlot = new LinkedHashMap<>();
    Map<Integer, List<byte[]>> redisKeysBySlot = new LinkedHashMap<>();
    for (K key : order) {
      byte[] redisKey = codec.encode(key);
      int slot = redis.slot(redisKey);
      bySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(key);
      redisKeysBySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(redisKey);
    }
    return new SlotGroups<>(new ArrayList<>(bySlot.values()), new ArrayList<>(redisKeysBySlot.values()));
  }

  /** The stripe hashes of every Redis key. */
  int[] hashes() {
    int count = 0;
    for (List<byte[]> group : redisKeys) {
      count += group.size();
    }
    int[] hashes = new int[count];
    int i = 0;
    for (List<byte[]> group : redisKeys) {
      for (byte[] redisKey : group) {
        hashes[i++] = KeyStripes.hashOf(redisKey);
      }
    }
    return hashes;
  }

  /** One script call per group, with the arguments {@code argsOf} gives for the group's keys. */
  List<ScriptCall> calls(Function<List<K>, List<byte[]>> argsOf) {
    List<ScriptCall> calls = new ArrayList<>(keys.size());
    for (int g = 0; g < keys.size(); g++) {
      calls.add(new ScriptCall(redisKeys.get(g), argsOf.apply(keys.get(g))));
    }
    return calls;
  }
}

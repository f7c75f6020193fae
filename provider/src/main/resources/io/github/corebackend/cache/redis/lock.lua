-- Takes the lock of a guarded write and reads its entry. KEYS[1]: the lock, KEYS[2]: the entry (one
-- slot). ARGV: the guard's token, the lease in milliseconds. Returns {1, stored value, server time}
-- when the lock was taken, {0, milliseconds left of the holder's lease} when another guard holds it.
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, stored_value(KEYS[2]), now_ms()}
end
return {0, redis.call('PTTL', KEYS[1])}

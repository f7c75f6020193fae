-- Releases the lock of a guarded write that changes nothing. KEYS[1]: the lock. ARGV[1]: the
-- guard's token. Returns {1} when it was still held, {0} otherwise.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return {1}
end
return {0}

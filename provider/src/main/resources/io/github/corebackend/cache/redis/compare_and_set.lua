-- Applies what the JVM decided about an entry, only if the entry still holds what the JVM read.
-- KEYS[1]: the entry. ARGV: the stored value read ('' when there was none), the recorded change
-- (RECORDED), the new serialized value, the time-to-live. Returns {1} when applied, {0} when the entry
-- changed meanwhile. An expired value read is removed with the change.
local current = stored_value(KEYS[1])
if (current or '') ~= ARGV[1] then
  return {0}
end
local now = now_ms()
local live = live_of(current, now)
if apply_recorded(KEYS[1], live, ARGV[2], ARGV[3], now, tonumber(ARGV[4])) == RESULT.UNCHANGED_ABSENT
    and current then
  redis.call('UNLINK', KEYS[1])
end
return {1}

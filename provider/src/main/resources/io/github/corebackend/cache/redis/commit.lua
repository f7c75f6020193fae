-- Commits a guarded write and releases its lock. KEYS[1]: the lock, KEYS[2]: the entry. ARGV: the
-- guard's token, the recorded change (RECORDED), the new serialized value, the time-to-live, '1' to
-- return the old value. Returns {RESULT, old stored value, value found expired}, or {-1} when the lock
-- was lost (its lease ran out while the writer ran): the entry is then dropped, so that no reader
-- keeps a value the system of record may no longer hold.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  redis.call('UNLINK', KEYS[2])
  return {-1}
end
redis.call('DEL', KEYS[1])
local now = now_ms()
local current, expired = live_value(KEYS[2], now)
local outcome = apply_recorded(KEYS[2], current, ARGV[2], ARGV[3], now, tonumber(ARGV[4]))
if expired and outcome == RESULT.UNCHANGED_ABSENT then
  redis.call('UNLINK', KEYS[2])
end
return {outcome, (ARGV[5] == '1' and current) or false, expired}

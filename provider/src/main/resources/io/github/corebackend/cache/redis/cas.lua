-- Applies what the JVM decided about an entry, only if the entry still holds what the JVM read.
-- KEYS[1]: the entry. ARGV: the stored value read ('' when there was none), action (put, remove,
-- touch, drop), new serialized value, time-to-live. Returns {1} when applied, {0} when the entry changed.
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then
  return {0}
end
local now = now_ms()
local action, payload, ttl = ARGV[2], ARGV[3], tonumber(ARGV[4])
if action == 'put' then
  if current and ttl == -1 then
    redis.call('SET', KEYS[1], string.sub(current, 1, 16) .. payload, 'KEEPTTL')
  else
    store(KEYS[1], payload, now, ttl)
  end
elseif action == 'touch' then
  retime(KEYS[1], now, ttl)
else
  redis.call('UNLINK', KEYS[1])
end
return {1}

-- Reads entries. KEYS: the entries. ARGV[1]: access time-to-live; ARGV[2]: '1' to remove the entries
-- found expired. Returns, per key, a status (0 absent, 1 live, 2 expired) and the stored value.
local now = now_ms()
local ttl = tonumber(ARGV[1])
local drop = ARGV[2] == '1'
local result = {}
for i, key in ipairs(KEYS) do
  local value = stored_value(key)
  local status = 0
  if value then
    local deadline = deadline_of(value)
    if deadline and deadline <= now then
      status = 2
      if drop then
        redis.call('UNLINK', key)
      end
    else
      status = 1
      retime(key, value, now, ttl)
    end
  end
  result[2 * i - 1] = status
  result[2 * i] = value
end
return result

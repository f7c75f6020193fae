-- Writes entries, deciding create-versus-update and applying the matching expiry atomically.
-- KEYS: the entries. ARGV: mode, creation ttl, update ttl, access ttl, '1' to return old values,
-- then for each key its new serialized value and the value a conditional write expects.
-- Returns, per key: outcome (C created, U updated, R removed, P present and unchanged, A absent),
-- the old stored value (when asked for, and always for 'load'), and the value found expired.
local now = now_ms()
local mode = ARGV[1]
local ttl_create, ttl_update, ttl_access = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local want_old = ARGV[5] == '1' or mode == 'load'
local creates = mode == 'put' or mode == 'put_if_absent' or mode == 'load' or mode == 'load_replacing'
local updates = mode == 'put' or mode == 'replace' or mode == 'load_replacing'
local result = {}
for i, key in ipairs(KEYS) do
  local payload, expected = ARGV[4 + 2 * i], ARGV[5 + 2 * i]
  local current = redis.call('GET', key)
  local expired = false
  if current then
    local deadline = deadline_of(current)
    if deadline and deadline <= now then
      expired = current
      current = false
    end
  end
  local outcome
  if mode == 'remove' then
    if current then
      redis.call('UNLINK', key)
      outcome = 'R'
    else
      outcome = 'A'
    end
  elseif mode == 'remove_if_equal' or mode == 'replace_if_equal' then
    if not current then
      outcome = 'A'
    elseif string.sub(current, 17) ~= expected then
      retime(key, now, ttl_access)
      outcome = 'P'
    elseif mode == 'remove_if_equal' then
      redis.call('UNLINK', key)
      outcome = 'R'
    else
      update(key, current, payload, now, ttl_update)
      outcome = 'U'
    end
  elseif current then
    if updates then
      update(key, current, payload, now, ttl_update)
      outcome = 'U'
    else
      outcome = 'P'
    end
  elseif creates and ttl_create ~= 0 then
    store(key, payload, now, ttl_create)
    outcome = 'C'
  else
    outcome = 'A'
  end
  if expired and outcome == 'A' then
    redis.call('UNLINK', key)
  end
  result[3 * i - 2] = outcome
  result[3 * i - 1] = (want_old and current) or false
  result[3 * i] = expired
end
return result

-- Writes entries by the decision table (RULES), applying the matching expiry atomically.
-- KEYS: the entries. ARGV: kind, creation ttl, update ttl, access ttl, '1' to return old values,
-- then for each key its new serialized value and the value a conditional write expects.
-- Returns, per key: the RESULT, the old stored value (when asked for) and the value found expired.
local now = now_ms()
local rules = RULES[ARGV[1]]
local conditional = CONDITIONAL[ARGV[1]]
local ttl_create, ttl_update, ttl_access = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local want_old = ARGV[5] == '1'
local result = {}
for i, key in ipairs(KEYS) do
  local payload, expected = ARGV[4 + 2 * i], ARGV[5 + 2 * i]
  local current, expired = live_value(key, now)
  local state = STATE.MATCHING
  if not current then
    state = STATE.ABSENT
  elseif conditional and string.sub(current, 17) ~= expected then
    state = STATE.OTHER
  end
  local change = rules[state]
  local outcome
  if change == CHANGE.CREATE and ttl_create ~= 0 then
    store(key, payload, now, ttl_create)
    outcome = RESULT.CREATED
  elseif change == CHANGE.UPDATE then
    update(key, current, payload, now, ttl_update)
    outcome = RESULT.UPDATED
  elseif change == CHANGE.REMOVE then
    redis.call('UNLINK', key)
    outcome = RESULT.REMOVED
  elseif change == CHANGE.TOUCH then
    retime(key, current, now, ttl_access)
    outcome = RESULT.UNCHANGED_PRESENT
  elseif current then
    outcome = RESULT.UNCHANGED_PRESENT
  else
    outcome = RESULT.UNCHANGED_ABSENT
  end
  if expired and outcome == RESULT.UNCHANGED_ABSENT then
    redis.call('UNLINK', key)
  end
  result[3 * i - 2] = outcome
  result[3 * i - 1] = (want_old and current) or false
  result[3 * i] = expired
end
return result

-- Shared by every script, after the generated tables. A stored value is a 16-digit deadline
-- (milliseconds since the epoch, by the server's clock) followed by the serialized value. The key
-- itself outlives its deadline by a grace period, so that a read arriving shortly after expiry can
-- still find the value and report it as expired instead of as never present.
local ETERNAL = 9000000000000000 -- also in ValueCodec, which writes eternal entries with a plain MSET

local function now_ms()
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end

local HEADER_PATTERN = '^' .. string.rep('%d', 16)

-- The deadline in a stored value's header, or nil when the value has none (bytes this provider did
-- not write: reads report them as corrupt, writes replace them).
local function deadline_of(value)
  if string.find(value, HEADER_PATTERN) then
    return tonumber(string.sub(value, 1, 16))
  end
  return nil
end

-- The string stored under key, or false when there is none or the key holds another Redis type: a
-- list or hash planted under a cache key is no entry of the cache (reads see none, a put replaces it),
-- where a plain GET would fail every script with WRONGTYPE.
local function stored_value(key)
  local value = redis.pcall('GET', key)
  if type(value) == 'table' then
    return false
  end
  return value
end

local function header(deadline)
  return string.format('%016d', deadline)
end

local function grace(ttl)
  return math.max(1000, math.min(ttl, 60000))
end

-- A stored value as live value and, when it has expired, as second result instead.
local function live_of(value, now)
  if value then
    local deadline = deadline_of(value)
    if deadline and deadline <= now then
      return false, value
    end
  end
  return value, false
end

local function live_value(key, now)
  return live_of(stored_value(key), now)
end

-- Time-to-live arguments: -1 keeps the current expiry, -2 never expires, otherwise milliseconds.
local function store(key, payload, now, ttl)
  if ttl == -2 then
    redis.call('SET', key, header(ETERNAL) .. payload)
  else
    redis.call('SET', key, header(now + ttl) .. payload, 'PX', ttl + grace(ttl))
  end
end

-- Moves the deadline of the value stored under key; a value without a header keeps its bytes as they
-- are, since writing a header over them would only shift their corruption.
local function retime(key, current, now, ttl)
  if not deadline_of(current) then
    return
  elseif ttl == -2 then
    redis.call('SETRANGE', key, 0, header(ETERNAL))
    redis.call('PERSIST', key)
  elseif ttl >= 0 then
    redis.call('SETRANGE', key, 0, header(now + ttl))
    redis.call('PEXPIRE', key, ttl + grace(ttl))
  end
end

-- An update that keeps the expiry keeps the header; a value without one was never given an expiry
-- by this provider, so the replacement never expires (unless Redis's own TTL on the key runs out).
local function update(key, current, payload, now, ttl)
  if ttl == -1 then
    local head = deadline_of(current) and string.sub(current, 1, 16) or header(ETERNAL)
    redis.call('SET', key, head .. payload, 'KEEPTTL')
  else
    store(key, payload, now, ttl)
  end
end

-- Applies a change recorded in the JVM (RECORDED) to the live value read: a put updates a live entry
-- or creates an absent one (unless it meant to keep an expiry that is gone, or lives zero ms); a
-- removal or touch of an absent entry does nothing. Returns the RESULT.
local function apply_recorded(key, current, change, payload, now, ttl)
  if change == RECORDED.PUT then
    if current then
      update(key, current, payload, now, ttl)
      return RESULT.UPDATED
    elseif ttl ~= -1 and ttl ~= 0 then
      store(key, payload, now, ttl)
      return RESULT.CREATED
    end
    return RESULT.UNCHANGED_ABSENT
  elseif not current then
    return RESULT.UNCHANGED_ABSENT
  elseif change == RECORDED.REMOVE then
    redis.call('UNLINK', key)
    return RESULT.REMOVED
  elseif change == RECORDED.TOUCH then
    retime(key, current, now, ttl)
  end
  return RESULT.UNCHANGED_PRESENT
end

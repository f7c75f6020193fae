-- Whether a live entry exists, without touching it. KEYS[1]: the entry. Returns {1} or {0}.
local head = redis.call('GETRANGE', KEYS[1], 0, 15)
if head == '' then
  return {0}
end
local deadline = tonumber(head)
if deadline and deadline <= now_ms() then
  return {0}
end
return {1}

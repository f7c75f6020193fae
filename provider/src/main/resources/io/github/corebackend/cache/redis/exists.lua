-- Whether a live entry exists, without touching it. KEYS[1]: the entry. Returns {1} or {0}.
-- A key of another Redis type is no entry; bytes without a header are one (a read reports them).
local head = redis.pcall('GETRANGE', KEYS[1], 0, 15)
if type(head) == 'table' or head == '' then
  return {0}
end
local deadline = deadline_of(head)
if deadline and deadline <= now_ms() then
  return {0}
end
return {1}

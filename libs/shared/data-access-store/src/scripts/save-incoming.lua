-- Saves a new story version unless it repeats the newest one.
-- KEYS[1] story hash, KEYS[2] versions hash
-- ARGV[1] id, ARGV[2] version, ARGV[3] content hash, ARGV[4] firstcreated, ARGV[5] story JSON
-- Returns {status, version, firstcreated}: 'saved', 'duplicate', or 'conflict' when ARGV[2] is
-- not the next version (the caller rebuilds the story as version+1 and calls again).
-- The subjects of the previous version stay until the new version is tagged, so a story never
-- drops out of its topic feeds while it is being re-enriched.
local meta = redis.call('HGET', KEYS[2], ARGV[1])
local version = tonumber(ARGV[2])
if meta then
  local a = string.find(meta, '|', 1, true)
  local b = string.find(meta, '|', a + 1, true)
  local current = tonumber(string.sub(meta, 1, a - 1))
  local hash = string.sub(meta, a + 1, b - 1)
  local first = string.sub(meta, b + 1)
  if hash == ARGV[3] then return {'duplicate', current, first} end
  if version ~= current + 1 then return {'conflict', current, first} end
elseif version ~= 1 then
  return {'conflict', 0, ARGV[4]}
end
redis.call('HSET', KEYS[1], 'story', ARGV[5])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2] .. '|' .. ARGV[3] .. '|' .. ARGV[4])
return {'saved', version, ARGV[4]}

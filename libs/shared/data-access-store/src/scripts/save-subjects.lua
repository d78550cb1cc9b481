-- Stores the subjects enrichment found for a story version, only if it is still the newest:
-- tags for version 1 finishing after version 2 arrived must not label version 2.
-- KEYS[1] story hash, KEYS[2] versions hash; ARGV[1] id, ARGV[2] version, ARGV[3] subjects JSON
local meta = redis.call('HGET', KEYS[2], ARGV[1])
if not meta then return 0 end
local current = tonumber(string.sub(meta, 1, string.find(meta, '|', 1, true) - 1))
if current ~= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'subjects', ARGV[3])
return 1

-- Replaces a stored story with its enriched form, only if it is still the newest version:
-- an enrichment of version 1 finishing after version 2 arrived must not overwrite version 2.
-- KEYS[1] story key, KEYS[2] versions hash; ARGV[1] id, ARGV[2] version, ARGV[3] story JSON
local meta = redis.call('HGET', KEYS[2], ARGV[1])
if not meta then return 0 end
local current = tonumber(string.sub(meta, 1, string.find(meta, '|', 1, true) - 1))
if current ~= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[3])
return 1

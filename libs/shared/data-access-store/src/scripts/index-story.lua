-- Puts a story version into the feed indexes, removes it from topics it no longer has, and
-- bumps the generation of every feed that changed (the HTTP cache and ETags key on it).
-- Topic index keys are derived from ARGV[1] here because the old topics are only known inside
-- the script; bulletin runs on a single Redis, not a cluster.
-- KEYS[1] index of all, KEYS[2] topics-of hash, KEYS[3] feed generations hash
-- ARGV[1] topic index key prefix, ARGV[2] id, ARGV[3] version, ARGV[4] score, ARGV[5..] topics
local id, version, score = ARGV[2], tonumber(ARGV[3]), ARGV[4]
local previous = redis.call('HGET', KEYS[2], id)
local old = {}
if previous then
  local sep = string.find(previous, '|', 1, true)
  if tonumber(string.sub(previous, 1, sep - 1)) > version then return 0 end
  for slug in string.gmatch(string.sub(previous, sep + 1), '%S+') do old[slug] = true end
end
redis.call('ZADD', KEYS[1], score, id)
redis.call('HINCRBY', KEYS[3], 'all', 1)
local topics = {}
for i = 5, #ARGV do
  local slug = ARGV[i]
  topics[#topics + 1] = slug
  old[slug] = nil
  redis.call('ZADD', ARGV[1] .. slug, score, id)
  redis.call('HINCRBY', KEYS[3], 'topics/' .. slug, 1)
end
for slug in pairs(old) do
  redis.call('ZREM', ARGV[1] .. slug, id)
  redis.call('HINCRBY', KEYS[3], 'topics/' .. slug, 1)
end
redis.call('HSET', KEYS[2], id, version .. '|' .. table.concat(topics, ' '))
return 1

-- The publish stage's one write: decides what a tagged story version means for readers and
-- applies it atomically to the story's lifecycle record and the feed indexes.
-- Every key lives in the store's hash slot (see keys.ts), so this runs unchanged on a cluster.
--
-- KEYS[1] story record (hash), KEYS[2] publication sequence (counter), KEYS[3] feed generations
-- ARGV[1] feed key prefix      ARGV[2] story id        ARGV[3] content hash
-- ARGV[4] source version ('' when the source sends none)
-- ARGV[5] versioncreated, ms   ARGV[6] firstcreated, ISO   ARGV[7] firstcreated, ms
-- ARGV[8] pubstatus            ARGV[9] embargo, ms (0: none)   ARGV[10] now, ms
-- ARGV[11] '1' for a re-tag    ARGV[12] story JSON     ARGV[13] change channel
-- ARGV[14] earlier versions' bodies to keep          ARGV[15..] topic slugs
-- Returns {outcome, version, embargo ms, changed feed…}.
--
-- Record fields: v newest version · h its content hash · hs hashes seen, newest first ·
-- sv source version · vc versioncreated ms · fc/fs firstcreated (ISO/ms, of the first version) ·
-- st pubstatus · emb embargo ms · pv published version · pub its JSON · b:N other versions'
-- JSON · seq publication sequence · tp published topics · late stale arrivals · at last change
local rec, seqKey, genKey = KEYS[1], KEYS[2], KEYS[3]
local feedPrefix, id, hash = ARGV[1], ARGV[2], ARGV[3]
local now, retag, json, channel = tonumber(ARGV[10]), ARGV[11] == '1', ARGV[12], ARGV[13]
local keep = tonumber(ARGV[14])
local topics = {}
for i = 15, #ARGV do topics[#topics + 1] = ARGV[i] end

local f = redis.call('HMGET', rec, 'v', 'h', 'hs', 'sv', 'vc', 'st', 'emb', 'pv', 'tp', 'seq')
local v, h, hs, sv = tonumber(f[1]) or 0, f[2], f[3] or '', f[4] or ''
local vc, st, emb = tonumber(f[5]) or 0, f[6], tonumber(f[7]) or 0
local pv, tp, seq = tonumber(f[8]) or 0, f[9] or '', f[10]

local function words(text)
  local list = {}
  for word in string.gmatch(text, '%S+') do list[#list + 1] = word end
  return list
end

-- Puts the story in `all` and its topic feeds, takes it out of topics it no longer has, and
-- returns every feed whose content changed.
local function setFeeds(score, sequence)
  local changed, wanted = {}, {}
  local function put(feed)
    redis.call('ZADD', feedPrefix .. feed .. ':date', score, id)
    redis.call('ZADD', feedPrefix .. feed .. ':seq', sequence, id)
    changed[#changed + 1] = feed
  end
  put('all')
  for _, slug in ipairs(topics) do
    wanted[slug] = true
    put('topics/' .. slug)
  end
  for _, slug in ipairs(words(tp)) do
    if not wanted[slug] then
      redis.call('ZREM', feedPrefix .. 'topics/' .. slug .. ':date', id)
      redis.call('ZREM', feedPrefix .. 'topics/' .. slug .. ':seq', id)
      changed[#changed + 1] = 'topics/' .. slug
    end
  end
  return changed
end

local function takeDown()
  local changed = {}
  if pv == 0 then return changed end
  for _, feed in ipairs({ 'all', unpack(words(tp)) }) do
    local key = feed == 'all' and 'all' or ('topics/' .. feed)
    redis.call('ZREM', feedPrefix .. key .. ':date', id)
    redis.call('ZREM', feedPrefix .. key .. ':seq', id)
    changed[#changed + 1] = key
  end
  return changed
end

local function announce(outcome, changed)
  for _, feed in ipairs(changed) do redis.call('HINCRBY', genKey, feed, 1) end
  if #changed > 0 then redis.call('PUBLISH', channel, table.concat(changed, ' ')) end
  local reply = { outcome, v, emb }
  for _, feed in ipairs(changed) do reply[#reply + 1] = feed end
  return reply
end

local function trimBodies()
  for n = v - keep, math.max(1, v - keep - 4), -1 do redis.call('HDEL', rec, 'b:' .. n) end
end

local function publish(body)
  local first = pv == 0 and not seq
  if pv > 0 and pv ~= v then redis.call('HSET', rec, 'b:' .. pv, redis.call('HGET', rec, 'pub')) end
  if not seq then seq = redis.call('INCR', seqKey) end
  local score = redis.call('HGET', rec, 'fs')
  redis.call('HSET', rec, 'pub', body, 'pv', v, 'seq', seq, 'tp', table.concat(topics, ' '), 'at', now)
  redis.call('HDEL', rec, 'b:' .. v)
  trimBodies()
  local changed = setFeeds(score, seq)
  pv = v
  return announce(first and 'published' or 'updated', changed)
end

if st == 'canceled' then return { 'killed', v, 0 } end

if ARGV[8] == 'canceled' then
  -- A kill wins whatever its version: the story becomes a tombstone that nothing revives.
  local changed = takeDown()
  local fields = redis.call('HKEYS', rec)
  for _, field in ipairs(fields) do
    if field == 'pub' or string.sub(field, 1, 2) == 'b:' then redis.call('HDEL', rec, field) end
  end
  v = v + 1
  redis.call('HSET', rec, 'v', v, 'st', 'canceled', 'h', hash, 'pv', 0, 'tp', '', 'at', now)
  if not f[1] then redis.call('HSET', rec, 'fc', ARGV[6], 'fs', ARGV[7]) end
  return announce('killed', changed)
end

if h == hash then
  if pv == v and retag and st == 'usable' then
    if redis.call('HGET', rec, 'pub') == json then return { 'duplicate', v, 0 } end
    return publish(json)
  end
  -- Stored but not yet out: an embargo has lifted, or a run was cut off before publishing.
  if pv < v and st == 'usable' and emb <= now then return publish(json) end
  if pv < v and st == 'usable' then return { 'held', v, emb } end
  return { 'duplicate', v, 0 }
end

if h and string.find(' ' .. hs .. ' ', ' ' .. hash .. ' ', 1, true) then return { 'duplicate', v, 0 } end

if h then
  local older
  if ARGV[4] ~= '' and sv ~= '' then
    older = tonumber(ARGV[4]) < tonumber(sv)
  else
    older = tonumber(ARGV[5]) < vc
  end
  if older then
    redis.call('HINCRBY', rec, 'late', 1)
    return { 'stale', v, 0 }
  end
end

-- A new version: record it, then decide whether readers see it.
v = v + 1
local seen = hash
for i, old in ipairs(words(hs)) do if i < 16 then seen = seen .. ' ' .. old end end
emb = tonumber(ARGV[9])
redis.call('HSET', rec, 'v', v, 'h', hash, 'hs', seen, 'sv', ARGV[4], 'vc', ARGV[5],
  'st', ARGV[8], 'emb', emb, 'at', now)
if not h then redis.call('HSET', rec, 'fc', ARGV[6], 'fs', ARGV[7]) end

if ARGV[8] == 'withheld' then
  local changed = takeDown()
  if pv > 0 then redis.call('HSET', rec, 'b:' .. pv, redis.call('HGET', rec, 'pub')) end
  redis.call('HDEL', rec, 'pub')
  redis.call('HSET', rec, 'b:' .. v, json, 'pv', 0, 'tp', '')
  pv, tp = 0, ''
  trimBodies()
  return announce('withheld', changed)
end
if emb > now then
  redis.call('HSET', rec, 'b:' .. v, json)
  trimBodies()
  return { 'held', v, emb }
end
return publish(json)

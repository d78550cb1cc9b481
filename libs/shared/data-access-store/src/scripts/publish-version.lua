-- The publish stage's one write: decides what a tagged story version means for readers and
-- applies it atomically to the story's lifecycle record and the feed indexes.
-- Every key lives in the store's hash slot (see keys.ts), so this runs unchanged on a cluster.
--
-- KEYS[1] story record (hash), KEYS[2] publication sequence (counter), KEYS[3] feed generations
-- KEYS[4] fingerprints of recent first versions (stream: t text hash, s SimHash, i id, o source,
-- a arrival ms by the caller's clock; entry ids and trimming go by the server's)
-- ARGV[1] feed key prefix      ARGV[2] story id        ARGV[3] content hash
-- ARGV[4] source version ('' when the source sends none)
-- ARGV[5] versioncreated, ms   ARGV[6] firstcreated, ISO   ARGV[7] firstcreated, ms
-- ARGV[8] pubstatus            ARGV[9] embargo, ms (0: none)   ARGV[10] now, ms
-- ARGV[11] '1' for a re-tag    ARGV[12] story JSON     ARGV[13] change channel
-- ARGV[14] earlier versions' bodies to keep
-- ARGV[15] text hash, 16 hex ('' when duplicates are not looked for)   ARGV[16] SimHash, 16 hex
-- ARGV[17] story this one copies, found by the caller ('' none)
-- ARGV[18] last fingerprint id the caller has seen   ARGV[19] SimHash bits that still make a copy
-- ARGV[20] duplicate window, ms   ARGV[21] source id   ARGV[22..] topic slugs
-- Returns {outcome, version, embargo ms, n, n fingerprints as (id, t, s, i, o, a), changed feed…},
-- or for `copy` the copied story's id in place of the feeds. The fingerprints are those read
-- (recorded since ARGV[18]) and the one this call recorded, so the caller's view stays current.
--
-- Record fields: v newest version · h its content hash · hs hashes seen, newest first ·
-- sv source version · vc versioncreated ms · fc/fs firstcreated (ISO/ms, of the first version) ·
-- st pubstatus · emb embargo ms · pv published version · pub its JSON · b:N other versions'
-- JSON · seq publication sequence · tp published topics · late stale arrivals · at last change ·
-- dup the story this one copies (never published)
local rec, seqKey, genKey, fpKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local feedPrefix, id, hash = ARGV[1], ARGV[2], ARGV[3]
local now, retag, json, channel = tonumber(ARGV[10]), ARGV[11] == '1', ARGV[12], ARGV[13]
local keep = tonumber(ARGV[14])
local topics = {}
for i = 22, #ARGV do topics[#topics + 1] = ARGV[i] end

local f = redis.call('HMGET', rec, 'v', 'h', 'hs', 'sv', 'vc', 'st', 'emb', 'pv', 'tp', 'seq', 'dup')
local v, h, hs, sv = tonumber(f[1]) or 0, f[2], f[3] or '', f[4] or ''
local vc, st, emb = tonumber(f[5]) or 0, f[6], tonumber(f[7]) or 0
local pv, tp, seq, dup = tonumber(f[8]) or 0, f[9] or '', f[10], f[11]

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

-- Bits set in a 32-bit number (bit ops are signed 32-bit in Redis' Lua).
local function ones(x)
  local n = 0
  while x ~= 0 do
    x = bit.band(x, x - 1)
    n = n + 1
  end
  return n
end

local function distance(a, b)
  local hi = bit.bxor(tonumber(string.sub(a, 1, 8), 16), tonumber(string.sub(b, 1, 8), 16))
  local lo = bit.bxor(tonumber(string.sub(a, 9, 16), 16), tonumber(string.sub(b, 9, 16), 16))
  return ones(hi) + ones(lo)
end

-- A first version from another source than the story it copies: the caller has compared it with
-- every fingerprint up to ARGV[18]; the ones recorded since are compared here, so two copies
-- arriving at once cannot both pass. Returns the copied story's id, or nil, and what was read.
local RECENT = 256
local function findCopy()
  local newer = redis.call('XRANGE', fpKey, '(' .. ARGV[18], '+', 'COUNT', RECENT + 1)
  if #newer > RECENT then return nil, newer, true end
  if ARGV[17] ~= '' then return ARGV[17], newer, false end
  local maxBits = tonumber(ARGV[19])
  local since = now - tonumber(ARGV[20])
  for _, entry in ipairs(newer) do
    local e = {}
    for i = 1, #entry[2], 2 do e[entry[2][i]] = entry[2][i + 1] end
    if e.o ~= ARGV[21] and e.i ~= id and tonumber(e.a) >= since then
      if e.t == ARGV[15] then return e.i, newer, false end
      if maxBits > 0 and ARGV[16] ~= '' and e.s ~= '' and distance(e.s, ARGV[16]) <= maxBits then
        return e.i, newer, false
      end
    end
  end
  return nil, newer, false
end

local fingerprints = {}

local function main()
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

  -- A copy stays one: its later versions are counted, never published.
  if dup then
    if h ~= hash then redis.call('HSET', rec, 'h', hash, 'at', now) end
    return { 'copy', v, 0, dup }
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

  -- The first version of a story may be a copy of one another source sent within the window.
  if not h and ARGV[15] ~= '' then
    local of, newer, more = findCopy()
    fingerprints = newer
    if more then return { 'recheck', v, 0 } end
    if of then
      redis.call('HSET', rec, 'v', 1, 'h', hash, 'hs', hash, 'sv', ARGV[4], 'vc', ARGV[5],
        'st', ARGV[8], 'emb', 0, 'fc', ARGV[6], 'fs', ARGV[7], 'pv', 0, 'tp', '', 'dup', of, 'at', now)
      return { 'copy', 1, 0, of }
    end
    local mine = { 't', ARGV[15], 's', ARGV[16], 'i', id, 'o', ARGV[21], 'a', now }
    local clock = redis.call('TIME')
    local oldest = tonumber(clock[1]) * 1000 - tonumber(ARGV[20])
    local at = redis.call('XADD', fpKey, 'MINID', '~', oldest, '*', unpack(mine))
    fingerprints[#fingerprints + 1] = { at, mine }
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
end

local out = main()
local reply = { out[1], out[2], out[3], #fingerprints }
for _, entry in ipairs(fingerprints) do
  local e = {}
  for i = 1, #entry[2], 2 do e[entry[2][i]] = entry[2][i + 1] end
  reply[#reply + 1] = entry[1]
  reply[#reply + 1] = e.t or ''
  reply[#reply + 1] = e.s or ''
  reply[#reply + 1] = e.i or ''
  reply[#reply + 1] = e.o or ''
  reply[#reply + 1] = e.a or '0'
end
for i = 4, #out do reply[#reply + 1] = out[i] end
return reply

import { createKeys, createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { digest } from '@bulletin/story';
import { makeStory } from '@bulletin/story/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedIndex, createStoryStore } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('store');
const keys = createKeys(prefix);
let redis: Redis;

beforeAll(() => {
  if (!available) return;
  redis = createRedisConnection(TEST_REDIS_URL, {
    role: 'client',
    name: 'store-spec',
    log: createLogger({ level: 'silent' }),
  });
});
afterAll(async () => {
  if (!available) return;
  await deleteKeys(TEST_REDIS_URL, prefix);
  redis.disconnect();
});

describe.skipIf(!available)('story store on the real Redis', () => {
  it('creates, then recognises a re-delivery as a duplicate', async () => {
    const store = createStoryStore(redis, keys);
    const story = makeStory('dup');
    expect((await store.saveIncoming(story)).outcome).toBe('created');
    const again = await store.saveIncoming(story);
    expect(again.outcome).toBe('duplicate');
    expect(again.story.version).toBe(1);
    expect(await store.get(story.id)).toEqual(story);
  });

  it('turns changed content into the next version, keeping firstcreated', async () => {
    const store = createStoryStore(redis, keys);
    const first = makeStory('ver');
    await store.saveIncoming(first);
    const bodyText = 'A corrected body.';
    const changed = {
      ...first,
      bodyText,
      firstcreated: '2014-11-19T00:00:00.000Z',
      contentHash: digest(first.headline, bodyText),
    };
    const saved = await store.saveIncoming(changed);
    expect(saved.outcome).toBe('updated');
    expect(saved.story.version).toBe(2);
    expect(saved.story.firstcreated).toBe(first.firstcreated);
    expect((await store.get(first.id))?.bodyText).toBe(bodyText);
  });

  it('never lets a stale enrichment label a newer version', async () => {
    const store = createStoryStore(redis, keys);
    const v1 = makeStory('stale');
    await store.saveIncoming(v1);
    const v2 = (await store.saveIncoming({ ...v1, contentHash: 'changed' })).story;
    const tag = (slug: string) => [
      { slug, name: slug, codes: [], confidence: 0.5, matched: [slug] },
    ];
    expect(await store.saveSubjects(v1.id, 1, tag('old'))).toBe(false);
    expect(await store.saveSubjects(v2.id, 2, tag('new'))).toBe(true);
    expect((await store.get(v1.id))?.subjects).toEqual(tag('new'));
    expect(await store.saveSubjects('never-stored', 1, tag('x'))).toBe(false);
  });

  it('keeps the last subjects while a new version waits for tagging', async () => {
    const store = createStoryStore(redis, keys);
    const v1 = makeStory('retag');
    await store.saveIncoming(v1);
    const tags = [{ slug: 'a', name: 'A', codes: [], confidence: 0.5, matched: ['a'] }];
    await store.saveSubjects(v1.id, 1, tags);
    await store.saveIncoming({ ...v1, contentHash: 'v2', headline: 'Changed' });
    expect(await store.get(v1.id)).toMatchObject({
      version: 2,
      headline: 'Changed',
      subjects: tags,
    });
  });

  it('reads many stories in order and skips missing ids', async () => {
    const store = createStoryStore(redis, keys);
    const [a, b] = [makeStory('many-a'), makeStory('many-b')];
    await store.saveIncoming(a);
    await store.saveIncoming(b);
    const found = await store.getMany([b.id, 'missing0000000000000', a.id]);
    expect(found.map((story) => story.id)).toEqual([b.id, a.id]);
    expect(await store.get('missing0000000000000')).toBeUndefined();
  });
});

describe.skipIf(!available)('feed index on the real Redis', () => {
  it('orders newest first, moves stories between topics and bumps generations', async () => {
    const index = createFeedIndex(redis, keys);
    await index.indexStory({ id: 'old', version: 1, publishedAt: 1000, topics: ['a', 'b'] });
    await index.indexStory({ id: 'new', version: 1, publishedAt: 2000, topics: ['a'] });
    expect(await index.latest('all', 10)).toEqual(['new', 'old']);
    expect(await index.latest('topics/b', 10)).toEqual(['old']);
    const before = await index.generation('topics/b');
    expect(
      await index.indexStory({ id: 'old', version: 2, publishedAt: 1000, topics: ['a'] }),
    ).toBe(true);
    expect(await index.latest('topics/b', 10)).toEqual([]);
    expect(await index.generation('topics/b')).toBe(before + 1);
    expect(await index.latest('all', 1)).toEqual(['new']);
  });

  it('ignores an older version arriving late', async () => {
    const index = createFeedIndex(redis, keys);
    await index.indexStory({ id: 'late', version: 3, publishedAt: 5, topics: ['x'] });
    expect(await index.indexStory({ id: 'late', version: 2, publishedAt: 5, topics: ['y'] })).toBe(
      false,
    );
    expect(await index.latest('topics/y', 10)).toEqual([]);
    expect(await index.generation('topics/never')).toBe(0);
  });
});

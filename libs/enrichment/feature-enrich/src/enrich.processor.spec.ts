import { QUEUES } from '@bulletin/contracts';
import { createProducers } from '@bulletin/queues';
import { createKeys, createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { createStoryStore } from '@bulletin/store';
import { makeStory } from '@bulletin/story/testing';
import { createTagger } from '@bulletin/tagger';
import { readRotherhamArticle } from '@bulletin/tagger/testing';
import { defaultTaxonomy } from '@bulletin/taxonomy';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processEnrich } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('enrich');
const log = createLogger({ level: 'silent' });
let redis: Redis;

beforeAll(() => {
  if (available)
    redis = createRedisConnection(TEST_REDIS_URL, { role: 'client', name: 'enrich-spec', log });
});
afterAll(async () => {
  if (!available) return;
  await deleteKeys(TEST_REDIS_URL, prefix);
  redis.disconnect();
});

describe.skipIf(!available)('processEnrich against the real store and queues', () => {
  it('tags the story, stores the tags and hands the version to publishing', async () => {
    const store = createStoryStore(redis, createKeys(prefix));
    const producers = createProducers({ connection: redis, prefix, log });
    const { headline, bodyText } = readRotherhamArticle();
    const story = (await store.saveIncoming(makeStory('rotherham', { headline, bodyText }))).story;
    const { id, version, firstcreated, summary } = story;
    const data = { id, version, firstcreated, headline, summary, bodyText };
    const result = await processEnrich(data, {
      tagger: createTagger(defaultTaxonomy),
      store,
      producers,
    });
    expect(result.superseded).toBe(false);
    expect(result.topics).toEqual(expect.arrayContaining(['child-protection', 'local-government']));
    const stored = await store.get(story.id);
    expect(stored?.subjects.map((s) => s.slug)).toEqual(result.topics);
    expect(stored?.subjects[0]?.matched.length).toBeGreaterThan(0);
    const queue = new Queue(QUEUES.publish, { connection: redis, prefix });
    const job = await queue.getJob(`${story.id}-v1`);
    expect(job?.data).toEqual({
      id: story.id,
      version: 1,
      publishedAt: Date.parse(story.firstcreated),
      topics: result.topics,
    });
    await queue.close();
  });

  it('does not publish a version that a newer one has replaced', async () => {
    const store = createStoryStore(redis, createKeys(prefix));
    const published: unknown[] = [];
    const v1 = (await store.saveIncoming(makeStory('superseded'))).story;
    await store.saveIncoming({ ...v1, contentHash: 'v2' });
    const result = await processEnrich(
      {
        id: v1.id,
        version: 1,
        firstcreated: v1.firstcreated,
        headline: v1.headline,
        summary: v1.summary,
        bodyText: v1.bodyText,
      },
      {
        tagger: createTagger(defaultTaxonomy),
        store,
        producers: { publish: async (data) => void published.push(data) },
      },
    );
    expect(result.superseded).toBe(true);
    expect(published).toEqual([]);
  });
});

import { createKeys, createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { createFeedIndex, createStoryStore } from '@bulletin/store';
import { makeStory } from '@bulletin/story/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, createFeedService, processPublish } from '../index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('publish');
const log = createLogger({ level: 'silent' });
const topics = [{ slug: 'local-government', name: 'Local government' }];
let redis: Redis;
let app: FastifyInstance;
let base = '';

const subject = {
  slug: 'local-government',
  name: 'Local government',
  codes: ['medtop:20000612'],
  confidence: 0.9,
  matched: ['council'],
};

beforeAll(async () => {
  if (!available) return;
  redis = createRedisConnection(TEST_REDIS_URL, { role: 'client', name: 'publish-spec', log });
  const keys = createKeys(prefix);
  const store = createStoryStore(redis, keys);
  const index = createFeedIndex(redis, keys);
  const render = {
    baseUrl: 'http://news.test',
    siteTitle: 'bulletin',
    emptyUpdated: '2014-01-01T00:00:00.000Z',
  };
  const feeds = createFeedService({ store, index, topics, render, feedSize: 10 });
  app = buildServer({ feeds, store, render, ping: async () => true, log });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  const older = makeStory('older', {
    firstcreated: '2014-11-17T00:00:00.000Z',
    subjects: [subject],
  });
  const newer = makeStory('newer', {
    firstcreated: '2014-11-18T00:00:00.000Z',
    headline: 'Council <b>"budget"</b> & cuts',
  });
  for (const story of [older, newer]) {
    await store.saveIncoming(story);
    await processPublish(
      {
        id: story.id,
        version: 1,
        publishedAt: Date.parse(story.firstcreated),
        topics: story.subjects.map((s) => s.slug),
      },
      { index },
    );
  }
});
afterAll(async () => {
  if (!available) return;
  await app.close();
  await deleteKeys(TEST_REDIS_URL, prefix);
  redis.disconnect();
});

describe.skipIf(!available)('publisher HTTP over real Redis', () => {
  it('serves all three formats of the all feed, newest first, with the right types', async () => {
    const rss = await fetch(`${base}/feeds/all.rss`);
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const body = await rss.text();
    expect(
      body.indexOf('Council &lt;b&gt;&quot;budget&quot;&lt;/b&gt; &amp; cuts'),
    ).toBeGreaterThan(0);
    expect(body.indexOf('cuts')).toBeLessThan(body.indexOf('report older'));
    expect((await fetch(`${base}/feeds/all.atom`)).headers.get('content-type')).toMatch(
      /^application\/atom\+xml/,
    );
    const json = (await (await fetch(`${base}/feeds/all.json`)).json()) as { items: unknown[] };
    expect(json.items).toHaveLength(2);
  });

  it('serves a topic feed with only its stories', async () => {
    const json = (await (await fetch(`${base}/feeds/topics/local-government.json`)).json()) as {
      items: { title: string; tags: string[] }[];
    };
    expect(json.items.map((item) => item.title)).toEqual(['Council publishes report older']);
    expect(json.items[0]?.tags).toEqual(['Local government']);
  });

  it('re-renders when the feed generation moves and answers 304 otherwise', async () => {
    const first = await fetch(`${base}/feeds/topics/local-government.rss`);
    const etag = first.headers.get('etag') ?? '';
    expect(
      (
        await fetch(`${base}/feeds/topics/local-government.rss`, {
          headers: { 'if-none-match': etag },
        })
      ).status,
    ).toBe(304);
    const keys = createKeys(prefix);
    const story = makeStory('third', {
      firstcreated: '2014-11-19T00:00:00.000Z',
      subjects: [subject],
    });
    await createStoryStore(redis, keys).saveIncoming(story);
    await processPublish(
      {
        id: story.id,
        version: 1,
        publishedAt: Date.parse(story.firstcreated),
        topics: ['local-government'],
      },
      { index: createFeedIndex(redis, keys) },
    );
    const after = await fetch(`${base}/feeds/topics/local-government.rss`, {
      headers: { 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Council publishes report third');
  });

  it('gives short plain 404s for unknown topics, formats and feeds, and an HTML 404 for stories', async () => {
    const topic = await fetch(`${base}/feeds/topics/nope.atom`);
    expect([topic.status, await topic.text()]).toEqual([404, 'unknown topic "nope"\n']);
    const format = await fetch(`${base}/feeds/all.html`);
    expect([format.status, await format.text()]).toEqual([
      404,
      'unknown feed format "all.html": use .rss, .atom or .json\n',
    ]);
    expect((await fetch(`${base}/feeds/everything.rss`)).status).toBe(404);
    const story = await fetch(`${base}/stories/<script>`);
    expect(story.status).toBe(404);
    expect(story.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await story.text()).not.toContain('<script>');
  });

  it('serves a story page with its headline escaped and security headers', async () => {
    const id = makeStory('newer').id;
    const page = await fetch(`${base}/stories/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Council &lt;b&gt;&quot;budget&quot;&lt;/b&gt; &amp; cuts');
  });
});

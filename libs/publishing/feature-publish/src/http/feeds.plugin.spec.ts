import { buildHttpServer } from '@bulletin/http';
import { createLogger } from '@bulletin/runtime';
import { createMemoryStore } from '@bulletin/store/testing';
import type { Subject } from '@bulletin/story';
import { makeStory } from '@bulletin/story/testing';
import type { FastifyInstance } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { feedsPlugin } from '../index.js';

const log = createLogger({ level: 'silent' });
const NOW = Date.parse('2014-11-20T00:00:00.000Z');
const subject: Subject = {
  slug: 'local-government',
  name: 'Local government',
  codes: ['medtop:20000612'],
  confidence: 0.9,
  matched: ['council'],
};
const render = {
  baseUrl: 'http://news.test',
  siteTitle: 'bulletin',
  emptyUpdated: '1970-01-01T00:00:00.000Z',
};

let app: FastifyInstance;
let stores: ReturnType<typeof createMemoryStore>;
let renders: string[];

beforeEach(async () => {
  stores = createMemoryStore();
  renders = [];
  app = await buildHttpServer({
    plugins: [
      feedsPlugin({
        ...stores,
        topics: [
          { slug: 'local-government', name: 'Local government' },
          {
            slug: 'policing-justice',
            name: 'Policing and justice',
            formerSlugs: ['policing-crime'],
          },
        ],
        render,
        feedSize: 10,
        rateLimitPerMinute: 0,
        coalesceMs: 0,
        onRender: (format) => renders.push(format),
        log,
      }),
    ],
    readiness: async () => ({ ready: true, checks: {} }),
    log,
  });
  const older = makeStory('older', {
    firstcreated: '2014-11-17T00:00:00.000Z',
    subjects: [subject],
  });
  const newer = makeStory('newer', {
    firstcreated: '2014-11-18T00:00:00.000Z',
    headline: 'Council <b>"budget"</b> & cuts',
  });
  for (const story of [older, newer]) await stores.store.publish(story, { now: NOW });
});

describe('feeds over HTTP', () => {
  it('serves all three formats of the all feed, newest first, with the right types', async () => {
    const rss = await app.inject('/feeds/all.rss');
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(
      rss.body.indexOf('Council &lt;b&gt;&quot;budget&quot;&lt;/b&gt; &amp; cuts'),
    ).toBeGreaterThan(0);
    expect(rss.body.indexOf('cuts')).toBeLessThan(rss.body.indexOf('report older'));
    expect((await app.inject('/feeds/all.atom')).headers['content-type']).toMatch(
      /^application\/atom\+xml/,
    );
    expect((await app.inject('/feeds/all.json')).json().items).toHaveLength(2);
    const head = await app.inject({ method: 'HEAD', url: '/feeds/all.rss' });
    expect([head.statusCode, head.body, head.headers['etag']]).toEqual([
      200,
      '',
      rss.headers['etag'],
    ]);
  });

  it('answers a renamed topic’s old feed URLs with 301 and the new location', async () => {
    for (const [from, to] of [
      ['/feeds/topics/policing-crime.rss', '/feeds/topics/policing-justice.rss'],
      ['/feeds/topics/policing-crime.json', '/feeds/topics/policing-justice.json'],
      ['/feeds/policing-crime.atom', '/feeds/topics/policing-justice.atom'],
      [
        '/feeds/topics/policing-crime/archive/2.rss',
        '/feeds/topics/policing-justice/archive/2.rss',
      ],
    ] as const) {
      const response = await app.inject(from);
      expect([response.statusCode, response.headers['location']], from).toEqual([301, to]);
    }
    const followed = await app.inject('/feeds/topics/policing-justice.rss');
    expect(followed.statusCode).toBe(200);
    expect((await app.inject('/feeds/topics/policing-crime.txt')).statusCode).toBe(404);
  });

  it('serves a topic feed with only its stories', async () => {
    const json = (await app.inject('/feeds/topics/local-government.json')).json() as {
      items: { title: string; tags: string[] }[];
    };
    expect(json.items.map((item) => item.title)).toEqual(['Council publishes report older']);
    expect(json.items[0]?.tags).toEqual(['Local government']);
  });

  it('answers 304 while the feed is unchanged and re-renders once it changes', async () => {
    const url = '/feeds/topics/local-government.rss';
    const etag = (await app.inject(url)).headers['etag'] as string;
    expect((await app.inject({ url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await app.inject(url)).statusCode).toBe(200);
    // Three answers, one render: what bulletin_feed_renders_total counts.
    expect(renders).toEqual(['rss']);
    const third = makeStory('third', {
      firstcreated: '2014-11-19T00:00:00.000Z',
      subjects: [subject],
    });
    await stores.store.publish(third, { now: NOW });
    // The change is announced and the feed re-rendered in the background.
    await expect
      .poll(async () => (await app.inject({ url, headers: { 'if-none-match': etag } })).statusCode)
      .toBe(200);
    expect((await app.inject(url)).body).toContain('Council publishes report third');
    expect(renders).toEqual(['rss', 'rss']);
    await app.inject('/');
    expect(renders).toEqual(['rss', 'rss', 'html']);
  });

  it('gives short plain 404s that never echo the request', async () => {
    const topic = await app.inject('/feeds/topics/nope.atom');
    expect([topic.statusCode, topic.body]).toEqual([404, 'unknown topic\n']);
    const format = await app.inject('/feeds/all.html');
    expect([format.statusCode, format.body]).toEqual([
      404,
      'unknown feed format: use .rss, .atom or .json\n',
    ]);
    expect((await app.inject('/feeds/everything.rss')).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/feeds/all.rss' })).statusCode).toBe(405);
  });
});

describe('story pages over HTTP', () => {
  it('serves the published version with its headline escaped and a strict policy', async () => {
    const page = await app.inject(`/stories/${makeStory('newer').id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('Council &lt;b&gt;&quot;budget&quot;&lt;/b&gt; &amp; cuts');
  });

  it('shows nothing of a story not yet out, and says a killed one is gone', async () => {
    const held = makeStory('held', { embargoed: '2099-01-01T00:00:00.000Z' });
    await stores.store.publish(held, { now: NOW });
    const waiting = await app.inject(`/stories/${held.id}`);
    expect(waiting.statusCode).toBe(404);
    expect(waiting.headers['content-type']).toMatch(/^text\/html/);
    const killed = makeStory('older', { pubstatus: 'canceled', contentHash: 'kill' });
    await stores.store.publish(killed, { now: NOW });
    const gone = await app.inject(`/stories/${killed.id}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('this story was withdrawn');
    const bad = await app.inject('/stories/<script>');
    expect(bad.statusCode).toBe(404);
    expect(bad.body).not.toContain('<script>');
  });
});

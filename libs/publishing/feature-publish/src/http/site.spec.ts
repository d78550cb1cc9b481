import { buildHttpServer } from '@bulletin/http';
import { assertNinjs, assertWellFormedXml } from '@bulletin/render/testing';
import { createLogger } from '@bulletin/runtime';
import { createMemoryStore } from '@bulletin/store/testing';
import type { Story, Subject } from '@bulletin/story';
import { makeStory } from '@bulletin/story/testing';
import type { FastifyInstance } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { feedsPlugin } from '../index.js';

const log = createLogger({ level: 'silent' });
const NOW = Date.parse('2014-11-20T00:00:00.000Z');
const housing: Subject = {
  slug: 'housing',
  name: 'Housing',
  codes: ['medtop:20000620'],
  confidence: 0.9,
  matched: ['homes'],
};
const render = {
  baseUrl: 'http://news.test',
  siteTitle: 'bulletin',
  emptyUpdated: '1970-01-01T00:00:00.000Z',
};
let app: FastifyInstance;
let stories: Story[];

beforeEach(async () => {
  const memory = createMemoryStore();
  app = await buildHttpServer({
    plugins: [
      feedsPlugin({
        ...memory,
        topics: [{ slug: 'housing', name: 'Housing' }],
        render,
        feedSize: 3,
        rateLimitPerMinute: 0,
        coalesceMs: 0,
        log,
      }),
    ],
    readiness: async () => ({ ready: true, checks: {} }),
    log,
  });
  stories = Array.from({ length: 7 }, (_, i) =>
    makeStory(`site-${i}`, {
      firstcreated: new Date(Date.UTC(2014, 10, 10 + i)).toISOString(),
      subjects: [housing],
    }),
  );
  for (const story of stories) await memory.store.publish(story, { now: NOW });
});

describe('archives (RFC 5005)', () => {
  it('links the subscription document to the newest complete archive page', async () => {
    const atom = (await app.inject('/feeds/topics/housing.atom')).body;
    assertWellFormedXml(atom);
    expect(atom).toMatch(
      /<link rel="prev-archive"[^>]* href="http:\/\/news\.test\/feeds\/topics\/housing\/archive\/2\.atom"/,
    );
    expect(atom.match(/<entry>/g)).toHaveLength(3);
  });

  it('serves stable archive pages counted from the oldest, each linked to its neighbours', async () => {
    const first = (await app.inject('/feeds/topics/housing/archive/1.atom')).body;
    expect(first).toContain('fh:archive');
    expect(first).toContain('report site-0');
    expect(first).toContain('report site-2');
    expect(first).not.toContain('report site-3');
    expect(first).toContain('href="http://news.test/feeds/topics/housing/archive/2.atom"');
    const second = await app.inject('/feeds/topics/housing/archive/2.rss');
    expect(second.statusCode).toBe(200);
    expect(second.headers['cache-control']).toContain('max-age=86400');
    expect(second.body).toContain('prev-archive');
    expect((await app.inject('/feeds/topics/housing/archive/3.atom')).statusCode).toBe(404);
    expect((await app.inject('/feeds/topics/housing/archive/0.atom')).statusCode).toBe(404);
    expect((await app.inject('/feeds/all/archive/1.json')).statusCode).toBe(200);
  });
});

describe('the home page and the feed list', () => {
  it('lists the topics with autodiscovery links and the latest stories', async () => {
    const home = await app.inject('/');
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect(home.body).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(home.body).toContain('http://news.test/feeds/topics/housing.rss');
    expect(home.body).toContain('report site-6');
    const etag = home.headers['etag'] as string;
    expect((await app.inject({ url: '/', headers: { 'if-none-match': etag } })).statusCode).toBe(
      304,
    );
  });

  it('serves OPML 2.0 listing every feed', async () => {
    const opml = await app.inject('/feeds.opml');
    expect(opml.headers['content-type']).toMatch(/^text\/x-opml/);
    assertWellFormedXml(opml.body);
    expect(opml.body).toContain('<opml version="2.0">');
    expect(opml.body).toContain('xmlUrl="http://news.test/feeds/topics/housing.rss"');
    expect(opml.body).toContain('xmlUrl="http://news.test/feeds/all.rss"');
  });
});

describe('for other newsrooms’ systems', () => {
  it('serves each story as a ninjs 2.x document', async () => {
    const ninjs = await app.inject(`/stories/${stories[0]?.id}.json`);
    expect(ninjs.statusCode).toBe(200);
    expect(ninjs.headers['content-type']).toMatch(/^application\/json/);
    const document = ninjs.json() as { uri: string; subject: { uri?: string }[] };
    assertNinjs(document);
    expect(document.uri).toBe(stories[0]?.uri);
    const missing = await app.inject('/stories/00000000000000000000.json');
    expect([missing.statusCode, missing.headers['content-type']]).toEqual([
      404,
      'text/plain; charset=utf-8',
    ]);
  });

  it('pages published stories newest first with a cursor, and filters by topic and date', async () => {
    const seen: string[] = [];
    let url = '/api/stories?limit=3';
    for (let page = 0; page < 5 && url; page += 1) {
      const body = (await app.inject(url)).json() as {
        items: { uri: string }[];
        next_url: string | null;
      };
      seen.push(...body.items.map((item) => item.uri));
      url = body.next_url?.replace('http://news.test', '') ?? '';
    }
    expect(seen).toEqual([...stories].reverse().map((story) => story.uri));
    const recent = (await app.inject('/api/stories?topic=housing&since=2014-11-15')).json() as {
      items: unknown[];
    };
    expect(recent.items).toHaveLength(2);
  });

  it.each([
    ['limit=0', 'limit must be a whole number from 1 to 100'],
    ['limit=abc', 'limit must be a whole number from 1 to 100'],
    ['since=yesterday', 'since must be an ISO 8601 date or date-time'],
    ['topic=<script>', 'topic is not one of the site’s topics'],
    ['cursor=nope', 'cursor is not one this API gave out'],
  ])('answers 400 with the reason for %s', async (query, reason) => {
    const answer = await app.inject(`/api/stories?${query}`);
    expect([answer.statusCode, answer.body]).toEqual([400, `${reason}\n`]);
  });
});

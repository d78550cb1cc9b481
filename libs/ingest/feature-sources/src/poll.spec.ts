import { loadConfig } from '@bulletin/config';
import { openPlatform, type Platform } from '@bulletin/platform';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { createSourceStateStore } from '@bulletin/sources-io';
import { conditionalRoute, startWireServer, type WireServer } from '@bulletin/sources-io/testing';
import { readFixture } from '@bulletin/wire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulePolls, sourcesRole } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('poll');
const FEED = readFixture('rss/normal.xml').toString();
let wire: WireServer;
let platform: Platform | undefined;

const sourcesFile = (url: string) => `
sources:
  - { id: westmere, kind: feed, name: Westmere City Council, url: '${url}/feed', intervalSeconds: 1 }
  - { id: broken, kind: feed, name: Broken, url: '${url}/loop', intervalSeconds: 1 }
`;

beforeAll(async () => {
  wire = await startWireServer();
  wire.route('/feed', conditionalRoute(FEED, '"w1"'));
  wire.route('/loop', (_q, r) => void r.writeHead(302, { location: '/loop' }).end());
  if (!available) return;
  const config = loadConfig(
    { REDIS_URL: TEST_REDIS_URL, BULLETIN_PREFIX: prefix, BULLETIN_CONFIG: 'test.yaml' },
    { readFile: () => sourcesFile(wire.url) },
  );
  platform = await openPlatform(config, createLogger({ level: 'silent' }), {
    exit: () => undefined,
  });
  await sourcesRole.start(platform);
});
afterAll(async () => {
  await platform?.shutdown.run('test over', { exit: false });
  await wire.close();
  if (available) await deleteKeys(TEST_REDIS_URL, prefix);
});

async function until<T>(check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!available)('the sources role on the real Redis and a local feed', () => {
  it('polls on the schedule: a 200 hands the feed to ingest with its type, then 304s add nothing', async () => {
    const p = platform as Platform;
    const states = createSourceStateStore(p.redis.patient, prefix);
    const ingest = p.queues.queue('ingest');
    const [job] = await until(async () => {
      const jobs = await ingest.getJobs(['waiting']);
      return jobs.length > 0 ? jobs : undefined;
    });
    expect(job?.data).toMatchObject({
      source: { id: 'westmere', name: 'Westmere City Council' },
      contentType: 'application/rss+xml; charset=utf-8',
      filename: `${wire.url}/feed`,
      encoding: 'utf8',
      payload: FEED,
    });
    await until(async () =>
      (await states.get('westmere')).lastStatus === '304' ? true : undefined,
    );
    expect(await ingest.getJobCountByTypes('waiting')).toBe(1);
    expect(await states.get('westmere')).toMatchObject({
      etag: '"w1"',
      consecutiveFailures: 0,
      lastStories: 3,
    });
    expect(wire.requests.filter((r) => r.path === '/feed').at(-1)?.headers['if-none-match']).toBe(
      '"w1"',
    );
  });

  it('records a failing source’s error and backs it off', async () => {
    const states = createSourceStateStore((platform as Platform).redis.patient, prefix);
    const state = await until(async () => {
      const value = await states.get('broken');
      return value.consecutiveFailures > 0 ? value : undefined;
    });
    expect(state.lastError).toBe(`FETCH_REDIRECT_LOOP: redirected back to ${wire.url}/loop`);
    expect(state.backoffUntil).toBeGreaterThan(Date.now());
  });

  it('keeps one scheduler per source when several instances upsert at once', async () => {
    const queue = (platform as Platform).queues.queue('poll');
    const feeds = (platform as Platform).config.sources.definitions.filter(
      (s) => s.kind === 'feed',
    );
    await Promise.all([
      schedulePolls(queue, feeds),
      schedulePolls(queue, feeds),
      schedulePolls(queue, feeds),
    ]);
    const schedulers = await queue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.key).sort()).toEqual(['poll:broken', 'poll:westmere']);
    await schedulePolls(queue, feeds.slice(0, 1));
    expect((await queue.getJobSchedulers(0, -1)).map((s) => s.key)).toEqual(['poll:westmere']);
  });
});

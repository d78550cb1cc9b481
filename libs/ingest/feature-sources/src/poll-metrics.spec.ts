import { loadConfig } from '@bulletin/config';
import { openPlatform, type Platform } from '@bulletin/platform';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { createSourceStateStore } from '@bulletin/sources-io';
import { startWireServer, type WireServer } from '@bulletin/sources-io/testing';
import { readFixture } from '@bulletin/wire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcesRole } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('pollmetrics');
const FEED = readFixture('rss/normal.xml').toString();
let wire: WireServer;
let platform: Platform | undefined;
let flakyAnswers = 0;

beforeAll(async () => {
  wire = await startWireServer();
  // Fails its first poll with a 500, then serves the feed.
  wire.route('/flaky', (_request, response) => {
    flakyAnswers += 1;
    if (flakyAnswers === 1) return void response.writeHead(500).end('down');
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
  });
  if (!available) return;
  const config = loadConfig(
    { REDIS_URL: TEST_REDIS_URL, BULLETIN_PREFIX: prefix, BULLETIN_CONFIG: 'test.yaml' },
    {
      readFile: () => `
sources:
  - { id: flaky, kind: feed, name: Flaky, url: '${wire.url}/flaky', intervalSeconds: 1 }
`,
    },
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

const series = async (p: Platform, name: string) =>
  (await p.metrics.registry.metrics()).split('\n').find((line) => line.startsWith(`${name}{`));

describe.skipIf(!available)('source metrics from real polls of a local feed', () => {
  it('counts a failed poll, then records the success and the silence since it', async () => {
    const p = platform as Platform;
    const states = createSourceStateStore(p.redis.patient, prefix);
    // Before any poll answered, the silence counts from when the source was first started.
    expect(await series(p, 'bulletin_source_seconds_since_success')).toMatch(
      /^bulletin_source_seconds_since_success\{source="flaky"\} \d/,
    );
    await expect
      .poll(async () => (await states.get('flaky')).lastStatus, { timeout: 15_000 })
      .toBe('200');
    expect(await series(p, 'bulletin_source_poll_errors_total')).toBe(
      'bulletin_source_poll_errors_total{source="flaky"} 1',
    );
    const { lastSuccessAt, firstSeenAt } = await states.get('flaky');
    expect(lastSuccessAt).toBeGreaterThan(firstSeenAt ?? Infinity);
    // Set as the poll job completes, just after the state store's write.
    const recorded = async () =>
      Number((await series(p, 'bulletin_source_last_success_timestamp_seconds'))?.split(' ')[1]);
    await expect
      .poll(async () => (await recorded()) * 1000)
      .toBeGreaterThanOrEqual(lastSuccessAt ?? Infinity);
    expect(flakyAnswers).toBeGreaterThanOrEqual(2);
  });
});

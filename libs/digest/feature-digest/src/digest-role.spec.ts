import { loadConfig } from '@bulletin/config';
import { startSmtpSink, type SmtpSink } from '@bulletin/mailer/testing';
import { addressKey } from '@bulletin/newsletter';
import { openPlatform, type Platform } from '@bulletin/platform';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { makeStory } from '@bulletin/story/testing';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { createSubscriberStore } from '@bulletin/subscribers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestRole } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('digest-role');
const SECRET = 'digest-role-spec-secret-0123456789ab';
let sink: SmtpSink;
let platform: Platform | undefined;

beforeAll(async () => {
  sink = await startSmtpSink();
  if (!available) return;
  const config = loadConfig({
    REDIS_URL: TEST_REDIS_URL,
    BULLETIN_PREFIX: prefix,
    PUBLIC_URL: 'https://news.example',
    SMTP_URL: sink.url,
    DIGEST_TOKEN_SECRET: SECRET,
  });
  platform = await openPlatform(config, createLogger({ level: 'silent' }), {
    exit: () => undefined,
  });
  await digestRole.start(platform);
});
afterAll(async () => {
  await platform?.shutdown.run('test over', { exit: false });
  await sink.close();
  if (available) await deleteKeys(TEST_REDIS_URL, prefix);
});

const series = async (p: Platform, line: string) =>
  (await p.metrics.registry.metrics()).split('\n').find((l) => l.startsWith(line));

describe.skipIf(!available)('the digest role’s runs on /metrics', () => {
  it('counts a run that sent, its message, and a run that failed', async () => {
    const p = platform as Platform;
    const housing = { slug: 'housing', name: 'Housing', codes: [], confidence: 1, matched: [] };
    await createStoryStore(p.redis.patient, storeKeys(prefix)).publish(
      makeStory('role', { subjects: [housing] }),
      { now: Date.now() },
    );
    const email = 'jo@example.org';
    const key = addressKey(SECRET, email);
    await createSubscriberStore(p.redis.patient, prefix).put({
      key,
      email,
      edition: 'daily',
      topics: ['housing'],
      sid: 'sid-role',
      since: '',
    });
    await p.queues.add('digest', [{ edition: 'daily', at: '2026-12-03T07:00:00.000Z' }]);
    await expect
      .poll(() => series(p, 'bulletin_digest_runs_total{status="ok"}'), { timeout: 15_000 })
      .toBe('bulletin_digest_runs_total{status="ok"} 1');
    expect(sink.received).toHaveLength(1);
    expect(await series(p, 'bulletin_digest_messages_total{status="sent"}')).toBe(
      'bulletin_digest_messages_total{status="sent"} 1',
    );
    // An edition nobody configured fails for good, without retries.
    await p.queues.add('digest', [{ edition: 'nope', at: '2026-12-03T07:00:00.000Z' }]);
    await expect
      .poll(() => series(p, 'bulletin_digest_runs_total{status="failed"}'), { timeout: 15_000 })
      .toBe('bulletin_digest_runs_total{status="failed"} 1');
    expect(await series(p, 'bulletin_digest_runs_total{status="ok"}')).toBe(
      'bulletin_digest_runs_total{status="ok"} 1',
    );
  });
});

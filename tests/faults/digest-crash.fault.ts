/**
 * SIGKILL of the process group of `bulletin digest run` midway through an edition to 1,000
 * subscribers, then the same command again: the restarted run finishes the same run (same
 * stories, same Message-IDs) and every subscriber has exactly one digest, counted at a real
 * SMTP server. The only permitted gap is the one the ledger cannot close and reports: a message
 * committed (SMTP's final dot) by the killed process before it heard back is counted as sent,
 * never resent; the test checks each such address got at most one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpSink, type SmtpSink } from '@bulletin/mailer/testing';
import { addressKey } from '@bulletin/newsletter';
import { createRedisConnection } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { makeStory } from '@bulletin/story/testing';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnApp, type RunningApp } from '../support/app-process.js';

const available = await redisAvailable();
const prefix = uniquePrefix('digest-crash');
const SECRET = 'crash-digest-secret-0123456789abcdefgh';
const SUBSCRIBERS = 1000;
const scratch = mkdtempSync(join(tmpdir(), 'bulletin-digest-crash-'));
const emails = Array.from(
  { length: SUBSCRIBERS },
  (_, i) => `reader${String(i).padStart(4, '0')}@example.org`,
);
let sink: SmtpSink;
let killAt: (() => void) | undefined;

beforeAll(async () => {
  if (!available) return;
  // A server that takes 15 ms per message: the run lasts seconds, so the kill lands midway.
  sink = await startSmtpSink({ delayMs: 15, onAccept: () => killAt?.() });
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  if (!available) return;
  await sink.close();
  await deleteKeys(TEST_REDIS_URL, prefix);
});

function digestRun(env: NodeJS.ProcessEnv): Promise<RunningApp> {
  return spawnApp(TEST_REDIS_URL, prefix, {
    args: ['apps/cli/bin/bulletin.mjs', 'digest', 'run', 'daily', '--now', '2026-12-03T07:00:00Z'],
    waitReady: false,
    extraEnv: env,
  });
}

describe.skipIf(!available)('an edition run killed with SIGKILL midway', () => {
  it('sends every one of 1,000 subscribers exactly one digest after a restart', async () => {
    const env = {
      SMTP_URL: sink.url,
      DIGEST_TOKEN_SECRET: SECRET,
      SMTP_POOL_SIZE: '5',
      SMTP_RATE_PER_SECOND: '0',
      DATA_DIR: scratch,
    };
    const csv = join(scratch, 'subscribers.csv');
    writeFileSync(
      csv,
      ['email,topics,edition', ...emails.map((e) => `${e},housing,daily`)].join('\n'),
    );
    const imported = await runCli(['subscribers', 'import', csv], {
      ...process.env,
      REDIS_URL: TEST_REDIS_URL,
      BULLETIN_PREFIX: prefix,
      ...env,
    });
    expect(imported.stdout.trim()).toBe(`imported ${SUBSCRIBERS}, refused 0`);
    const redis = createRedisConnection(TEST_REDIS_URL, {
      role: 'client',
      name: 'crash',
      log: createLogger({ level: 'silent' }),
    });
    const housing = [{ slug: 'housing', name: 'Housing', codes: [], confidence: 1, matched: [] }];
    await createStoryStore(redis, storeKeys(prefix)).publish(
      makeStory('crash', { subjects: housing }),
      { now: Date.now() },
    );
    redis.disconnect();

    const first = await digestRun(env);
    killAt = () => {
      if (sink.received.length < 400) return;
      killAt = undefined;
      first.killGroup('SIGKILL');
    };
    expect(await first.exited).toBe('SIGKILL');
    const beforeRestart = sink.received.length;
    expect(beforeRestart).toBeGreaterThanOrEqual(400);
    expect(beforeRestart).toBeLessThan(SUBSCRIBERS);

    const second = await digestRun(env);
    expect(await second.exited, second.output()).toBe(0);
    const report = JSON.parse(
      second
        .output()
        .split('\n')
        .find((line) => line.startsWith('{')) ?? '{}',
    ) as {
      sent: number;
      inDoubt: string[];
      failed: unknown[];
    };
    const counts = sink.countByRecipient();
    const twice = emails.filter((e) => (counts.get(e) ?? 0) > 1);
    const missing = emails.filter((e) => !counts.has(e));
    const inDoubt = new Set(report.inDoubt);
    console.info(
      `digest crash: ${beforeRestart} delivered before the kill, ${sink.received.length} in all; ` +
        `in doubt ${inDoubt.size}, missing ${missing.length}, twice ${twice.length}`,
    );
    expect(twice).toEqual([]);
    expect(report.failed).toEqual([]);
    expect(report.sent + inDoubt.size).toBe(SUBSCRIBERS);
    // Anyone without a digest must be one the report names as in doubt (at most one per pool
    // connection): the kill fell between marking the send as committing and the server's
    // answer, so whether it arrived is unknowable, and it is never sent a second time.
    expect(missing.filter((e) => !inDoubt.has(addressKey(SECRET, e)))).toEqual([]);
    expect(inDoubt.size).toBeLessThanOrEqual(5);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(sink.received.length);
  });
});

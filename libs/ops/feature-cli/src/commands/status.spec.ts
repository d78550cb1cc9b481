import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisConnection } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { startSmtpSink } from '@bulletin/mailer/testing';
import { createLogger } from '@bulletin/runtime';
import { startWireServer, type WireServer } from '@bulletin/sources-io/testing';
import { makeStory } from '@bulletin/story/testing';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../index.js';
import type { DigestRunStatus } from './digest-runs.js';

const available = await redisAvailable();
const prefix = uniquePrefix('cli-status');
const scratch = mkdtempSync(join(tmpdir(), 'bulletin-status-cli-'));
let wire: WireServer;

beforeAll(async () => {
  wire = await startWireServer();
  wire.route('/down', (_request, response) => void response.writeHead(503).end('down'));
  writeFileSync(
    join(scratch, 'bulletin.yaml'),
    `sources:\n  - { id: down, kind: feed, name: Down, url: '${wire.url}/down', intervalSeconds: 60 }\n`,
  );
});
afterAll(async () => {
  await wire.close();
  rmSync(scratch, { recursive: true, force: true });
  if (available) await deleteKeys(TEST_REDIS_URL, prefix);
});

async function cli(argv: string[], extraEnv: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env: {
      REDIS_URL: TEST_REDIS_URL,
      BULLETIN_PREFIX: prefix,
      BULLETIN_CONFIG: join(scratch, 'bulletin.yaml'),
      DATA_DIR: scratch,
      DIGEST_TOKEN_SECRET: 'status-spec-secret-0123456789abcdef',
      PUBLIC_URL: 'https://news.example',
      ...extraEnv,
    },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    now: () => new Date(),
    version: '0',
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe.skipIf(!available)('bulletin status', () => {
  it('shows the queues, each source’s state and the last digest runs, as a table and as JSON', async () => {
    expect((await cli(['poll', 'down'])).code).toBe(1);
    const csv = join(scratch, 'subs.csv');
    writeFileSync(csv, 'email,topics,edition\njo@example.org,housing,daily\n');
    expect((await cli(['subscribers', 'import', csv])).code).toBe(0);
    const redis = createRedisConnection(TEST_REDIS_URL, {
      role: 'client',
      name: 'status-spec',
      log: createLogger({ level: 'silent' }),
    });
    const housing = { slug: 'housing', name: 'Housing', codes: [], confidence: 1, matched: [] };
    await createStoryStore(redis, storeKeys(prefix)).publish(
      makeStory('status', { subjects: [housing] }),
      { now: Date.now() },
    );
    redis.disconnect();
    expect((await cli(['digest', 'run', 'daily'])).code).toBe(0);

    const json = await cli(['status', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out.join('\n')) as Record<string, unknown[]>;
    expect(report['queues']?.length).toBeGreaterThan(0);
    expect(report['sources']).toEqual([
      expect.objectContaining({
        id: 'down',
        idle: false,
        state: expect.objectContaining({
          consecutiveFailures: 1,
          lastError: expect.stringMatching(/503/),
        }),
      }),
    ]);
    expect(report['digestRuns']).toEqual([
      expect.objectContaining({
        edition: 'daily',
        status: 'ok',
        sent: 1,
        failed: 0,
        startedAt: expect.stringMatching(/^\d{4}-/),
        finishedAt: expect.stringMatching(/^\d{4}-/),
      }),
    ]);

    const text = await cli(['status']);
    expect(text.out[0]).toMatch(/^QUEUE\s+WAITING\s+ACTIVE/);
    expect(text.out).toContainEqual(expect.stringMatching(/^ID\s+KIND\s+STATUS\s+LAST SUCCESS/));
    expect(text.out).toContainEqual(expect.stringMatching(/^down\s+feed\s+\S+\s+-\s+1\s+.*503/));
    expect(text.out).toContainEqual(expect.stringMatching(/^EDITION\s+RUN\s+STATUS\s+STARTED/));
    expect(text.out).toContainEqual(
      expect.stringMatching(/^daily\s+daily-\d+\s+ok\s+\S+Z\s+\S+Z\s+1\s+0\s+0$/),
    );
    // Subscribers are named by their address key, never by their address.
    expect([...text.out, ...json.out].join('\n')).not.toContain('jo@example.org');
  });

  it('shows a run still sending as running, then as finished', async () => {
    const csv = join(scratch, 'weekly.csv');
    writeFileSync(csv, 'email,topics,edition\nsam@example.org,housing,weekly\n');
    expect((await cli(['subscribers', 'import', csv])).code).toBe(0);
    // A slow server holds the run open while status looks.
    const sink = await startSmtpSink({ delayMs: 5000 });
    const run = cli(['digest', 'run', 'weekly'], { SMTP_URL: sink.url });
    const weekly = async () => {
      const status = await cli(['status', '--json']);
      const runs = (JSON.parse(status.out.join('\n')) as { digestRuns: DigestRunStatus[] })
        .digestRuns;
      return runs.find((row) => row.edition === 'weekly');
    };
    await expect
      .poll(async () => (await weekly())?.status, { timeout: 10_000, interval: 200 })
      .toBe('running');
    expect(await weekly()).not.toHaveProperty('finishedAt');
    expect((await run).code).toBe(0);
    expect(await weekly()).toMatchObject({ status: 'ok', sent: 1 });
    expect(sink.received).toHaveLength(1);
    await sink.close();
  }, 30_000);
});

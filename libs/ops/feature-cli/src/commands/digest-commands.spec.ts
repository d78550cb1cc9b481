import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisConnection } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { makeStory } from '@bulletin/story/testing';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('cli-digest');
const scratch = mkdtempSync(join(tmpdir(), 'bulletin-digest-cli-'));
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  if (available) await deleteKeys(TEST_REDIS_URL, prefix);
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    env: {
      REDIS_URL: TEST_REDIS_URL,
      BULLETIN_PREFIX: prefix,
      DATA_DIR: scratch,
      DIGEST_TOKEN_SECRET: 'cli-spec-secret-0123456789abcdefgh',
      PUBLIC_URL: 'https://news.example',
    },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    now: () => new Date('2026-12-03T07:00:00.000Z'),
    version: '0',
  };
  return { value, out, err };
}

describe.skipIf(!available)('the subscribers and digest commands', () => {
  it('import reports bad rows and goes on; preview and run write to the outbox; erase leaves nothing', async () => {
    const csv = join(scratch, 'subs.csv');
    writeFileSync(
      csv,
      [
        'email,topics,edition',
        'Jo@Example.org,housing;health,daily',
        'not-an-address,housing,daily',
        'sam@example.org,astrology,daily',
        '"kim@example.org","housing",weekly',
        '',
      ].join('\n'),
    );
    const imported = io();
    expect(await runCli(['subscribers', 'import', csv], imported.value)).toBe(1);
    expect(imported.out).toEqual(['imported 2, refused 2']);
    expect(imported.err).toContain(
      'line 3: refused: not a usable email address: it needs a local part, an @ and a domain',
    );
    expect(imported.err).toContain('line 4: refused: unknown topic "astrology"');
    expect(imported.err.at(-1)).toBe('[####################] 4/4 rows');

    const listed = io();
    expect(await runCli(['subscribers', 'list'], listed.value)).toBe(0);
    expect(listed.out).toEqual([
      'jo@example.org\tdaily\thousing health\tactive',
      'kim@example.org\tweekly\thousing\tactive',
    ]);

    const redis = createRedisConnection(TEST_REDIS_URL, {
      role: 'client',
      name: 'cli-spec',
      log: createLogger({ level: 'silent' }),
    });
    const story = makeStory('cli', {
      subjects: [{ slug: 'housing', name: 'Housing', codes: [], confidence: 1, matched: [] }],
    });
    await createStoryStore(redis, storeKeys(prefix)).publish(story, { now: Date.now() });

    const preview = io();
    expect(
      await runCli(['digest', 'preview', 'daily', '--subscriber', 'jo@example.org'], preview.value),
    ).toBe(0);
    expect(preview.out[0]).toContain('Content-Type: multipart/alternative');
    expect(preview.out[0]).toContain('To: jo@example.org');

    const run = io();
    expect(
      await runCli(['digest', 'run', 'daily', '--now', '2026-12-03T07:00:00Z'], run.value),
    ).toBe(0);
    expect(JSON.parse(run.out[0] ?? '{}')).toMatchObject({ sent: 1, stories: 1, failed: [] });
    expect(readdirSync(join(scratch, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(1);

    const erased = io();
    expect(await runCli(['subscribers', 'erase', 'jo@example.org'], erased.value)).toBe(0);
    const left = (await redis.keys(`${prefix}:*`)).join('\n');
    const raw = await Promise.all(
      (await redis.keys(`${prefix}:{${prefix}.digest}*`)).map(async (k) =>
        JSON.stringify(await redis.dump(k)),
      ),
    );
    expect(raw.join('')).not.toContain('jo@example.org');
    expect(left).toContain('ledger');
    redis.disconnect();
  });
});

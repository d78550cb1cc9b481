import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queuePrefix } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { fixturePath, readFixture, SEED_FIXTURE } from '@bulletin/wire/testing';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { readPayload, runCli, USAGE, type CliIo } from './index.js';

const available = await redisAvailable();
const prefixes: string[] = [];
const LIMIT = 64 * 1024;
const scratch = mkdtempSync(join(tmpdir(), 'bulletin-cli-'));
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  if (available) for (const prefix of prefixes) await deleteKeys(TEST_REDIS_URL, prefix);
});

function io(env: Record<string, string> = {}) {
  const prefix = uniquePrefix('cli');
  prefixes.push(prefix);
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    env: { REDIS_URL: TEST_REDIS_URL, BULLETIN_PREFIX: prefix, ...env },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    now: () => new Date('2014-11-18T09:30:00.000Z'),
    version: '9.9.9',
  };
  return { value, out, err, prefix };
}

describe('runCli', () => {
  it('prints usage for help on stdout, and on stderr with exit 2 for no or unknown commands', async () => {
    const help = io();
    expect(await runCli(['help'], help.value)).toBe(0);
    expect(help.out).toEqual([USAGE]);
    const none = io();
    expect(await runCli([], none.value)).toBe(2);
    expect([none.out, none.err]).toEqual([[], [USAGE]]);
    const version = io();
    expect(await runCli(['--version'], version.value)).toBe(0);
    expect(version.out).toEqual(['bulletin 9.9.9']);
    const unknown = io();
    expect(await runCli(['publish-all'], unknown.value)).toBe(2);
    expect(unknown.err[0]).toMatch(/^bulletin: unknown command "publish-all"/);
  });

  it('asks for at least one file', async () => {
    const run = io();
    expect(await runCli(['ingest'], run.value)).toBe(2);
    expect(run.err).toEqual(['bulletin ingest: name at least one FILE']);
  });

  it('says to start bulletin when no Redis answers', async () => {
    const run = runCli(['ingest', 'x.txt'], io({ REDIS_URL: 'redis://127.0.0.1:1' }).value);
    await expect(run).rejects.toThrow(
      /no Redis answers at redis:\/\/127.0.0.1:1: start bulletin first/,
    );
  });
});

describe('readPayload', () => {
  const source = { id: 'files', name: 'Local files' };

  it('sends bytes that are not UTF-8 as base64, untouched', async () => {
    const path = join(scratch, 'latin1.txt');
    writeFileSync(path, Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    const { data } = await readPayload(path, source, '2014-11-18T00:00:00.000Z', LIMIT);
    expect(data.encoding).toBe('base64');
    expect(Buffer.from(data.payload, 'base64')).toEqual(Buffer.from([0x43, 0x61, 0x66, 0xe9]));
  });

  it('refuses directories and files over the size limit with their own codes', async () => {
    await expect(readPayload(scratch, source, '', LIMIT)).rejects.toMatchObject({
      code: 'FILE_NOT_REGULAR',
    });
    const big = join(scratch, 'big.txt');
    writeFileSync(big, Buffer.alloc(LIMIT + 1, 0x61));
    await expect(readPayload(big, source, '', LIMIT)).rejects.toThrow(/over the 65536-byte limit/);
  });
});

describe.skipIf(!available)('bulletin ingest on the real Redis', () => {
  it('enqueues good files, prints one line each and exits 1 when any is refused', async () => {
    const seed = fixturePath(SEED_FIXTURE);
    const empty = join(scratch, 'empty.txt');
    writeFileSync(empty, '\n\n');
    const run = io();
    expect(
      await runCli(['ingest', '--source', 'pse:Public Sector Executive', seed, empty], run.value),
    ).toBe(1);
    expect(run.out[0]).toMatch(new RegExp(`^${seed}\\t[0-9a-f]{20}$`));
    expect(run.out[1]).toMatch(/^.*empty\.txt\trefused: WIRE_EMPTY: /);
    const queue = new Queue('ingest', {
      connection: { url: TEST_REDIS_URL },
      prefix: queuePrefix(run.prefix, 'ingest'),
    });
    const [job] = await queue.getJobs(['waiting']);
    await queue.close();
    expect(job?.data).toMatchObject({
      source: { id: 'pse', name: 'Public Sector Executive' },
      receivedAt: '2014-11-18T09:30:00.000Z',
      encoding: 'utf8',
      filename: seed,
    });
  });

  it('names the items of a feed it had to leave out', async () => {
    const feed = fixturePath('rss/malformed-item.xml');
    const run = io();
    expect(await runCli(['ingest', feed], run.value)).toBe(0);
    expect(run.out[0]).toMatch(
      new RegExp(`^${feed}\\t[0-9a-f]{20}( [0-9a-f]{20})*\\t\\(1 item rejected: #\\d+ .+\\)$`),
    );
  });
});

describe.skipIf(!available)('bulletin ingest DIR on the real Redis', () => {
  it('walks the folder and sums up: ingested, duplicates, refused with reasons', async () => {
    const dir = join(scratch, 'wire');
    mkdirSync(join(dir, 'nested'), { recursive: true });
    mkdirSync(join(dir, 'done'), { recursive: true });
    writeFileSync(join(dir, 'a-seed.txt'), readFixture(SEED_FIXTURE));
    writeFileSync(join(dir, 'nested', 'b-copy.txt'), readFixture(SEED_FIXTURE));
    writeFileSync(join(dir, 'c-empty.txt'), '  ');
    writeFileSync(join(dir, 'done', 'skipped.txt'), readFixture(SEED_FIXTURE));
    writeFileSync(join(dir, '.hidden'), 'x');
    const run = io();
    expect(await runCli(['ingest', dir], run.value)).toBe(1);
    expect(run.out.slice(0, 3).map((line) => line.split('\t')[0])).toEqual([
      join(dir, 'a-seed.txt'),
      join(dir, 'c-empty.txt'),
      join(dir, 'nested', 'b-copy.txt'),
    ]);
    expect(run.out.slice(3)).toEqual([
      '3 files: 1 ingested, 0 updated, 1 duplicate, 1 refused',
      expect.stringMatching(/^ {2}refused .*c-empty\.txt: WIRE_EMPTY: /),
    ]);
  });

  it('draws a progress bar instead of lines on a terminal', async () => {
    const dir = join(scratch, 'bar');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'seed.txt'), readFixture(SEED_FIXTURE));
    const run = io();
    const drawn: string[] = [];
    expect(
      await runCli(['ingest', dir], { ...run.value, progress: (text) => drawn.push(text) }),
    ).toBe(0);
    expect(drawn.at(-1)).toBe(`\r[${'#'.repeat(30)}] 1/1 files\n`);
    expect(run.out).toEqual(['1 file: 1 ingested, 0 updated, 0 duplicates, 0 refused']);
  });
});

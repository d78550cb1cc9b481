import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestJobData } from '@bulletin/contracts';
import { createWireParser } from '@bulletin/ingest';
import { createLogger } from '@bulletin/runtime';
import { readFixture, SEED_FIXTURE } from '@bulletin/wire/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { takePayload, watchFolder, type FileOutcome } from './index.js';

const parser = createWireParser({ inlineMaxBytes: 1024 * 1024, maxParseMs: 5000 });
const scratch = mkdtempSync(join(tmpdir(), 'bulletin-folder-'));
afterAll(async () => {
  await parser.close();
  rmSync(scratch, { recursive: true, force: true });
});

function folder(name: string, enqueue: (data: IngestJobData) => Promise<void>) {
  const path = join(scratch, name);
  const outcomes = new Map<string, FileOutcome>();
  const start = () =>
    watchFolder(
      { id: 'drop', kind: 'folder', name: 'Drop folder', path },
      {
        take: (data) => takePayload(data, { parse: parser.parse, enqueue, now: Date.now }),
        maxBytes: 64 * 1024,
        now: Date.now,
        rescanMs: 200,
        settleMs: 150,
        log: createLogger({ level: 'silent' }),
        onFile: (file, outcome) => void outcomes.set(file, outcome),
      },
    );
  return { path, outcomes, start };
}

async function until(check: () => boolean, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a watched folder on the real file system', () => {
  it('moves an ingested file to done/ and a refused one to error/ beside its reason', async () => {
    const queued: IngestJobData[] = [];
    const drop = folder('moves', async (data) => void queued.push(data));
    const watcher = await drop.start();
    writeFileSync(join(drop.path, 'story.txt'), readFixture(SEED_FIXTURE));
    writeFileSync(join(drop.path, 'empty.txt'), '\n\n');
    writeFileSync(join(drop.path, 'big.txt'), Buffer.alloc(64 * 1024 + 1, 0x61));
    await until(() => drop.outcomes.size === 3);
    await watcher.close();
    expect(readdirSync(join(drop.path, 'done'))).toEqual(['story.txt']);
    expect(readdirSync(join(drop.path, 'error')).sort()).toEqual([
      'big.txt',
      'big.txt.reason',
      'empty.txt',
      'empty.txt.reason',
    ]);
    expect(readFileSync(join(drop.path, 'error', 'empty.txt.reason'), 'utf8')).toMatch(
      /^WIRE_EMPTY: /,
    );
    expect(readFileSync(join(drop.path, 'error', 'big.txt.reason'), 'utf8')).toBe(
      'FILE_TOO_LARGE: 65537 bytes is over the 65536-byte limit\n',
    );
    expect(queued.map((data) => [data.source.id, data.filename])).toEqual([['drop', 'story.txt']]);
    expect(drop.outcomes.get('story.txt')).toEqual({
      outcome: 'done',
      stories: [expect.stringMatching(/^[0-9a-f]{20}$/)],
    });
  });

  it('waits for a file to stop growing before it takes it', async () => {
    const queued: IngestJobData[] = [];
    const drop = folder('growing', async (data) => void queued.push(data));
    const watcher = await drop.start();
    const story = readFixture(SEED_FIXTURE);
    const file = join(drop.path, 'slow.txt');
    writeFileSync(file, story.subarray(0, 100));
    for (let at = 100; at < story.length; at += 400) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      appendFileSync(file, story.subarray(at, at + 400));
    }
    await until(() => drop.outcomes.size === 1);
    await watcher.close();
    expect(queued[0]?.payload).toBe(story.toString());
  });

  it('leaves a file in place when the queue is away, and takes it once it is back', async () => {
    let up = false;
    const queued: IngestJobData[] = [];
    const drop = folder('retry', async (data) => {
      if (!up) throw new Error('Connection is closed.');
      queued.push(data);
    });
    const watcher = await drop.start();
    writeFileSync(join(drop.path, 'story.txt'), readFixture(SEED_FIXTURE));
    await until(() => drop.outcomes.get('story.txt')?.outcome === 'retry');
    expect(existsSync(join(drop.path, 'story.txt'))).toBe(true);
    up = true;
    await until(() => drop.outcomes.get('story.txt')?.outcome === 'done');
    await watcher.close();
    expect(queued).toHaveLength(1);
  });
});

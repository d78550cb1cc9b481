import { QUEUES, type IngestJobData } from '@bulletin/contracts';
import { createProducers } from '@bulletin/queues';
import { createKeys, createRedisConnection, type Redis } from '@bulletin/redis';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { createStoryStore } from '@bulletin/store';
import { WireParseError } from '@bulletin/wire';
import { readFixture, SEED_FIXTURE } from '@bulletin/wire/testing';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePayload, processIngest } from './index.js';

const available = await redisAvailable();
const prefix = uniquePrefix('ingest');
const log = createLogger({ level: 'silent' });
let redis: Redis;
let enrichQueue: Queue;

function job(bytes: Buffer, encoding: 'utf8' | 'base64' = 'utf8'): IngestJobData {
  return {
    source: { id: 'files', name: 'Local files' },
    receivedAt: '2014-11-18T12:00:00.000Z',
    encoding,
    payload: bytes.toString(encoding),
  };
}

beforeAll(() => {
  if (!available) return;
  redis = createRedisConnection(TEST_REDIS_URL, { role: 'client', name: 'ingest-spec', log });
  enrichQueue = new Queue(QUEUES.enrich, { connection: redis, prefix });
});
afterAll(async () => {
  if (!available) return;
  await enrichQueue.close();
  await deleteKeys(TEST_REDIS_URL, prefix);
  redis.disconnect();
});

describe('decodePayload', () => {
  it('returns text as is and base64 as bytes', () => {
    expect(decodePayload({ encoding: 'utf8', payload: 'abc' })).toBe('abc');
    expect([...(decodePayload({ encoding: 'base64', payload: '6Q==' }) as Uint8Array)]).toEqual([
      0xe9,
    ]);
  });
});

describe.skipIf(!available)('processIngest against the real store and queues', () => {
  const deps = () => ({
    store: createStoryStore(redis, createKeys(prefix)),
    producers: createProducers({ connection: redis, prefix, log }),
  });

  it('stores the example story and hands it to enrichment once, however often it arrives', async () => {
    const first = await processIngest(job(readFixture(SEED_FIXTURE)), deps());
    expect(first.format).toBe('text');
    expect(first.stories).toEqual([
      { id: expect.stringMatching(/^[0-9a-f]{20}$/), version: 1, outcome: 'created' },
    ]);
    const id = first.stories[0]?.id ?? '';
    const stored = await createStoryStore(redis, createKeys(prefix)).get(id);
    expect(stored?.headline).toBe(
      'Circumstances that led to Rotherham child abuse exist in other councils',
    );
    const again = await processIngest(job(readFixture(SEED_FIXTURE), 'base64'), deps());
    expect(again.stories[0]).toEqual({ id, version: 1, outcome: 'duplicate' });
    expect((await enrichQueue.getJobCounts('waiting')).waiting).toBe(1);
    expect((await enrichQueue.getJob(`${id}-v1`))?.data).toMatchObject({
      id,
      version: 1,
      headline: stored?.headline,
      bodyText: stored?.bodyText,
    });
  });

  it('keeps the good items of a feed with a broken one and reports the rejection', async () => {
    const result = await processIngest(job(readFixture('rss/malformed-item.xml')), deps());
    expect(result.format).toBe('rss');
    expect(result.stories.length).toBeGreaterThan(0);
    expect(result.rejected.length).toBeGreaterThan(0);
    expect(result.rejected[0]?.reason).not.toBe('');
  });

  it('fails an unparseable payload permanently, naming the problem', async () => {
    const attempt = processIngest(job(Buffer.from('   ')), deps());
    await expect(attempt).rejects.toBeInstanceOf(WireParseError);
    await expect(attempt).rejects.toMatchObject({ code: 'WIRE_EMPTY', permanent: true });
  });
});

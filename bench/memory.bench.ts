/**
 * `npm run bench:memory`: Redis memory per stored story against the story's JSON size.
 * Stores BENCH_STORIES stories shaped like the example (parsed, tagged, indexed, as the
 * publish stage leaves them, queues drained) under a fresh prefix and reads `used_memory` before
 * and after. Writes bench/results/memory.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRedisConnection } from '@bulletin/redis';
import { deleteKeys, uniquePrefix } from '@bulletin/redis/testing';
import { createLogger } from '@bulletin/runtime';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { createTagger } from '@bulletin/tagger';
import { defaultTaxonomy } from '@bulletin/taxonomy';
import { parseWire } from '@bulletin/wire';
import { buildPayloads } from './support/payloads.js';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const STORIES = Number(process.env['BENCH_STORIES'] ?? 5000);
const log = createLogger({ level: 'warn' });
const redis = createRedisConnection(REDIS_URL, { role: 'client', name: 'bench-memory', log });
const prefix = uniquePrefix('bench-memory');
const store = createStoryStore(redis, storeKeys(prefix));
const tagger = createTagger(defaultTaxonomy);

const usedMemory = async () =>
  Number(/^used_memory:(\d+)/m.exec(await redis.info('memory'))?.[1] ?? NaN);

const payloads = buildPayloads(STORIES);
const before = await usedMemory();
let jsonBytes = 0;
for (const bytes of payloads) {
  const [parsed] = (
    await parseWire({
      bytes,
      source: { id: 'bench', name: 'Bench wire' },
      receivedAt: '2014-11-18T00:00:00.000Z',
    })
  ).stories;
  if (!parsed) throw new Error('a bench payload did not parse');
  const story = { ...parsed, subjects: tagger.tag(parsed) };
  await store.publish(story, { now: Date.now() });
  jsonBytes += Buffer.byteLength(JSON.stringify(story));
}
const perStory = ((await usedMemory()) - before) / STORIES;
const result = {
  date: new Date().toISOString(),
  stories: STORIES,
  storyJsonBytes: Math.round(jsonBytes / STORIES),
  redisBytesPerStory: Math.round(perStory),
  ratio: Number((perStory / (jsonBytes / STORIES)).toFixed(3)),
};
console.log(
  `story JSON: ${result.storyJsonBytes} bytes; Redis: ${result.redisBytesPerStory} bytes per stored story; ratio ${result.ratio} (goal < 1.5)`,
);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/memory.json', import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
);
await deleteKeys(REDIS_URL, prefix);
redis.disconnect();

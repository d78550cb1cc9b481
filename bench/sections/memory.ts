/**
 * Redis memory per stored story against the size of the story's JSON: stories of the bench
 * corpus, parsed, tagged and published as the publish stage leaves them, under a fresh prefix.
 */
import { createRedisConnection } from '@bulletin/redis';
import { deleteKeys, uniquePrefix } from '@bulletin/redis/testing';
import type { Logger } from '@bulletin/runtime';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { createTagger } from '@bulletin/tagger';
import { defaultTaxonomy } from '@bulletin/taxonomy';
import { parseWire } from '@bulletin/wire';

export interface MemoryFigures {
  stories: number;
  storyJsonBytes: number;
  redisBytesPerStory: number;
  ratio: number;
}

export async function benchMemory(
  redisUrl: string,
  payloads: readonly string[],
  log: Logger,
): Promise<MemoryFigures> {
  const redis = createRedisConnection(redisUrl, { role: 'client', name: 'bench-memory', log });
  const prefix = uniquePrefix('bench-memory');
  const store = createStoryStore(redis, storeKeys(prefix));
  const tagger = createTagger(defaultTaxonomy);
  const used = async () =>
    Number(/^used_memory:(\d+)/m.exec(await redis.info('memory'))?.[1] ?? NaN);
  const before = await used();
  let json = 0;
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
    json += Buffer.byteLength(JSON.stringify(story));
  }
  const perStory = ((await used()) - before) / payloads.length;
  await deleteKeys(redisUrl, prefix);
  redis.disconnect();
  return {
    stories: payloads.length,
    storyJsonBytes: Math.round(json / payloads.length),
    redisBytesPerStory: Math.round(perStory),
    ratio: Number((perStory / (json / payloads.length)).toFixed(3)),
  };
}

import { createHash } from 'node:crypto';
import type { IngestJobData } from '@bulletin/contracts';
import { keyGroup, type Redis } from '@bulletin/redis';

/**
 * Raw payloads as they arrived, headers included, kept for a retention period so they can be
 * run through the pipeline again (`bulletin replay`).
 */
export interface PayloadArchive {
  /** Keeps a payload, findable by its source and by the stories it became. @returns its id */
  keep(data: IngestJobData, storyIds: readonly string[], now: number): Promise<string>;
  /** The kept payloads a story came from, oldest first. */
  forStory(storyId: string): Promise<IngestJobData[]>;
  /** The kept payloads of a source, oldest first. */
  forSource(sourceId: string, now: number): Promise<IngestJobData[]>;
}

/** The archive under `prefix`, keeping payloads for `retainMs`. */
export function createPayloadArchive(
  redis: Redis,
  prefix: string,
  retainMs: number,
): PayloadArchive {
  const group = keyGroup(prefix, 'sources');
  const raw = (id: string) => group.key('raw', id);
  const byStory = (id: string) => group.key('raw-story', id);
  const bySource = (id: string) => group.key('raw-source', id);
  const load = async (ids: readonly string[]) => {
    if (ids.length === 0) return [];
    const values = await redis.mget(...ids.map(raw));
    return values.flatMap((value) => (value === null ? [] : [JSON.parse(value) as IngestJobData]));
  };
  return {
    async keep(data, storyIds, now) {
      // The same bytes from the same source are one payload, however often they arrive.
      const id = createHash('sha256')
        .update(`${data.source.id}\n${data.contentType ?? ''}\n${data.encoding}\n${data.payload}`)
        .digest('hex')
        .slice(0, 32);
      const at = Date.parse(data.receivedAt);
      const tx = redis.multi().set(raw(id), JSON.stringify(data), 'PX', retainMs);
      for (const storyId of storyIds)
        tx.sadd(byStory(storyId), id).pexpire(byStory(storyId), retainMs);
      tx.zadd(bySource(data.source.id), Number.isNaN(at) ? now : at, id)
        .zremrangebyscore(bySource(data.source.id), '-inf', now - retainMs)
        .pexpire(bySource(data.source.id), retainMs);
      await tx.exec();
      return id;
    },
    async forStory(storyId) {
      const payloads = await load(await redis.smembers(byStory(storyId)));
      return payloads.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    },
    async forSource(sourceId, now) {
      return load(await redis.zrangebyscore(bySource(sourceId), now - retainMs, '+inf'));
    },
  };
}

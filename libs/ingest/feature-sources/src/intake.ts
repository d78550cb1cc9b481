import type { IngestJobData } from '@bulletin/contracts';
import { createWireParser } from '@bulletin/ingest';
import type { Platform } from '@bulletin/platform';
import type { Redis } from '@bulletin/redis';
import { createPayloadArchive, createSourceStateStore } from '@bulletin/sources-io';
import { takePayload, type TakePayloadDeps, type TakenPayload } from './take-payload.js';

/** Payloads up to this size parse on the calling thread; larger ones on the parser's thread. */
const INLINE_MAX_BYTES = 256 * 1024;

/** What a role needs to take payloads in: the parser, the archive, the state store. */
export function sourceParts(platform: Platform, redis: Redis) {
  const { config } = platform;
  const parser = createWireParser({
    inlineMaxBytes: INLINE_MAX_BYTES,
    maxParseMs: config.ingest.maxParseMs,
    limits: { maxBytes: config.ingest.maxBytes, maxItems: config.ingest.maxItems },
  });
  platform.shutdown.add('sources wire parser', () => parser.close(), { phase: 'close' });
  return {
    parse: parser.parse,
    archive: createPayloadArchive(redis, config.prefix, config.sources.retainHours * 3_600_000),
    states: createSourceStateStore(redis, config.prefix),
    now: () => Date.now(),
  };
}

/**
 * Takes payloads of a source that is not polled (push, folder) and records each arrival on the
 * source's state, so `bulletin sources` shows when it last brought something.
 */
export function arrivalTaker(
  parts: ReturnType<typeof sourceParts>,
  enqueue: TakePayloadDeps['enqueue'],
): (data: IngestJobData) => Promise<TakenPayload> {
  return async (data) => {
    const taken = await takePayload(data, { ...parts, enqueue });
    await parts.states.recordSuccess(
      data.source.id,
      { changed: true, lastStatus: 'taken', lastStories: taken.stories.length },
      parts.now(),
    );
    return taken;
  };
}

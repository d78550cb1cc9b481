import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Story } from '@bulletin/story';

/** A rendered feed document, ready to send in any encoding a client accepts. */
export interface FeedDocument {
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** Strong validator from the bytes. */
  etag: string;
  /** HTTP date of the newest item's change (the feed's `updated`). */
  lastModified: string;
  /** Epoch ms of the same, for If-Modified-Since. */
  lastModifiedMs: number;
  /** The validators and caching headers every answer of this document carries. */
  headers: Readonly<Record<string, string>>;
}

/** Caches may keep a feed a minute, and serve it stale for five while they fetch it again. */
export const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** The feed's `updated` as the renderers compute it: its newest item's versioncreated. */
function newestChange(stories: readonly Story[], emptyUpdated: string): number {
  let newest = Date.parse(emptyUpdated);
  for (const [index, story] of stories.entries()) {
    const ms = Date.parse(story.versioncreated);
    if (index === 0 || ms > newest) newest = ms;
  }
  return newest;
}

/**
 * Compresses a rendered feed once per render (not per request) and derives its validators
 * from the content, so the same content always has the same ETag in every HTTP process.
 */
export function toFeedDocument(
  body: string,
  contentType: string,
  stories: readonly Story[],
  emptyUpdated: string,
): FeedDocument {
  const identity = Buffer.from(body, 'utf8');
  const modified = Math.floor(newestChange(stories, emptyUpdated) / 1000) * 1000;
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`;
  const lastModified = new Date(modified).toUTCString();
  return {
    contentType,
    identity,
    gzip: gzipSync(identity, { level: 6 }),
    br: brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    etag,
    lastModified,
    lastModifiedMs: modified,
    headers: Object.freeze({
      etag,
      'last-modified': lastModified,
      'cache-control': CACHE_CONTROL,
      vary: 'Accept-Encoding',
    }),
  };
}

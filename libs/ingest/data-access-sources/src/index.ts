/**
 * @module @bulletin/sources-io
 * The I/O of wire sources: the feed fetcher (conditional GET, deadline, size cap, bounded
 * redirects, http(s) only), each source's state and the raw payload archive in Redis, and
 * reading wire files.
 */
export { fetchFeed, type FetchFeedOptions, type FetchOutcome } from './fetch-feed.js';
export { FetchError, type FetchErrorCode } from './fetch-error.js';
export {
  createSourceStateStore,
  isIdle,
  type SourceState,
  type SourceStateStore,
  type SourceSuccess,
} from './source-state.js';
export { createPayloadArchive, type PayloadArchive } from './payload-archive.js';
export { readWireFile, toIngestData, FileRefusedError } from './wire-file.js';

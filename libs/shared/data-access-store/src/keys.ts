import { keyGroup } from '@bulletin/redis';

/**
 * The store's keys. Stories, feed indexes and generations share one hash slot because the
 * publish script updates them together atomically.
 */
export interface StoreKeys {
  /** Lifecycle record of one story (hash; fields in `publish-version.lua`). */
  story(id: string): string;
  /** Publication sequence counter. */
  readonly sequence: string;
  /** Hash: feed key → generation, bumped whenever the feed's content changes. */
  readonly generations: string;
  /** Prefix of a feed's two sorted sets, `{prefix}{feed}:date` and `{prefix}{feed}:seq`. */
  readonly feedPrefix: string;
  /** Sorted set of a feed by display date (firstcreated, ms). */
  feedByDate(feed: string): string;
  /** Sorted set of a feed by publication sequence. */
  feedBySequence(feed: string): string;
  /** Pub/sub channel announcing `feed feed …` whenever feeds change. */
  readonly changes: string;
  /** Stream of recent first versions' fingerprints, trimmed to the duplicate window. */
  readonly fingerprints: string;
  /** The key scheme's version, checked at start. */
  readonly schema: string;
}

/** The store's keys under `prefix`. */
export function storeKeys(prefix: string): StoreKeys {
  const group = keyGroup(prefix, 'store');
  const feedPrefix = `${group.key('feed')}:`;
  return Object.freeze({
    story: (id: string) => group.key('story', id),
    sequence: group.key('seq'),
    generations: group.key('gen'),
    feedPrefix,
    feedByDate: (feed: string) => `${feedPrefix}${feed}:date`,
    feedBySequence: (feed: string) => `${feedPrefix}${feed}:seq`,
    changes: group.key('changes'),
    fingerprints: group.key('fp'),
    schema: group.key('schema'),
  });
}

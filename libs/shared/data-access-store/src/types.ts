import type { Pubstatus, Story } from '@bulletin/story';
import type { DuplicatePolicy } from './copies.js';

/**
 * What the publish stage did with a tagged version:
 * - `published`: first publication; `updated`: a newer version replaced what readers saw;
 * - `duplicate`: nothing new (same content, or content seen before);
 * - `stale`: older than the newest version known (by source version, else versioncreated):
 *   counted on the record and ignored;
 * - `held`: embargoed until `embargoUntil`; `withheld`: stored, not shown (taken down if out);
 * - `killed`: the story is a tombstone now, or was one already;
 * - `copy`: another source sent the same story first (`duplicateOf`); it is recorded, not shown.
 */
export type PublishOutcome =
  'published' | 'updated' | 'duplicate' | 'stale' | 'held' | 'withheld' | 'killed' | 'copy';

export interface PublishResult {
  outcome: PublishOutcome;
  /** bulletin's version number of the story's newest version after this call. */
  version: number;
  /** Epoch ms when a `held` version may be published. */
  embargoUntil?: number;
  /** Feeds (`all`, `topics/{slug}`) whose content changed. */
  changedFeeds: string[];
  /** For a `copy`: the story it copies. */
  duplicateOf?: string;
}

export interface PublishOptions {
  /** The current time, epoch ms: embargoes are decided against it. */
  now: number;
  /** A re-tag of the same content: its new subjects replace the published ones. */
  retag?: boolean;
  /** Look for copies of a first version among other sources' recent stories. Absent: never. */
  duplicates?: DuplicatePolicy;
}

/** What a reader may see of a story: a copy of another source's story points to it. */
export type StoryLookup =
  | { state: 'published'; story: Story }
  | { state: 'killed' }
  | { state: 'copy'; of: string }
  | { state: 'absent' };

/** A story's lifecycle record, for operators: no bodies. */
export interface StoryRecord {
  id: string;
  version: number;
  contentHash: string;
  pubstatus: Pubstatus;
  sourceVersion?: number;
  versioncreated: number;
  firstcreated: string;
  embargoUntil?: number;
  /** 0 while nothing has been published. */
  publishedVersion: number;
  publicationSequence?: number;
  topics: string[];
  /** Versions kept besides the published one. */
  keptVersions: number[];
  staleArrivals: number;
  changedAt: number;
  /** The story this one copies: it is never published. */
  duplicateOf?: string;
}

/**
 * Where stories live and what readers may see of them. The publish stage is its only writer:
 * every version passes through {@link StoryStore.publish}, which orders, deduplicates, holds,
 * kills or publishes it in one atomic step.
 */
export interface StoryStore {
  publish(story: Story, options: PublishOptions): Promise<PublishResult>;
  /** The published version of a story, or why there is none. */
  get(id: string): Promise<StoryLookup>;
  /** Published stories for the ids, in the same order, skipping the rest. */
  getMany(ids: readonly string[]): Promise<Story[]>;
  record(id: string): Promise<StoryRecord | undefined>;
  /** A kept version's body (the published one or an earlier/held one). */
  version(id: string, version: number): Promise<Story | undefined>;
}

/** A feed: `all`, or `topics/{slug}`. */
export type FeedKey = string;

/** Feed membership and ordering, read side. The publish script writes it. */
export interface FeedIndex {
  /** Newest-first story ids by display date. */
  latest(feed: FeedKey, limit: number): Promise<string[]>;
  /** Story ids with their publication sequence, newest first, below `before` when given. */
  bySequence(
    feed: FeedKey,
    options: { before?: number; limit: number },
  ): Promise<{ id: string; sequence: number }[]>;
  /**
   * Story ids by rank in publication order (oldest first), ranks `start` to `stop` inclusive:
   * the stable pages of a feed's RFC 5005 archive.
   */
  sequenceRange(feed: FeedKey, start: number, stop: number): Promise<string[]>;
  /**
   * Newest first by display date, for paging: entries at or after `since` (epoch ms), strictly
   * after the entry `after` (the last of the previous page) in that order.
   */
  page(
    feed: FeedKey,
    options: { since?: number; after?: { id: string; date: number }; limit: number },
  ): Promise<{ id: string; date: number }[]>;
  count(feed: FeedKey): Promise<number>;
  /** The feed's generation: it changes whenever the feed's content may have. 0 = never. */
  generation(feed: FeedKey): Promise<number>;
}

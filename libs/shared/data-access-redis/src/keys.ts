/**
 * Every Redis key bulletin writes, built in one place under the configured prefix so several
 * instances and test runs can share one Redis. BullMQ's own keys use the same prefix
 * (`{prefix}:{queue}:…`); ours use segments no queue is named after.
 */
export interface Keys {
  readonly prefix: string;
  /** Hash of a story's newest version: `story` (JSON, as parsed) and `subjects` (JSON, as tagged). */
  story(id: string): string;
  /** Hash: story id → `version|contentHash|firstcreated` of the newest version seen. */
  readonly storyVersions: string;
  /** Sorted set of every published story, scored by first publication time (ms). */
  readonly indexAll: string;
  /** Sorted set of the stories tagged with a topic. */
  indexTopic(slug: string): string;
  /** Hash: story id → `version|slug slug …` as last indexed, to unindex dropped topics. */
  readonly indexedTopics: string;
  /** Hash: feed key (`all`, `topics/{slug}`) → generation, bumped whenever the feed changes. */
  readonly feedGenerations: string;
}

/** Builds the key scheme for one prefix. */
export function createKeys(prefix: string): Keys {
  return Object.freeze({
    prefix,
    story: (id: string) => `${prefix}:story:${id}`,
    storyVersions: `${prefix}:story-versions`,
    indexAll: `${prefix}:index:all`,
    indexTopic: (slug: string) => `${prefix}:index:topic:${slug}`,
    indexedTopics: `${prefix}:index:topics-of`,
    feedGenerations: `${prefix}:feed-generations`,
  });
}

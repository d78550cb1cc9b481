import type { Redis } from '@bulletin/redis';
import type { Story } from '@bulletin/story';
import type { StoreKeys } from './keys.js';
import { withStoreCommands } from './scripts.js';
import { assemble, READ_FIELDS, toRecord } from './story-record.js';
import type { PublishOutcome, PublishResult, StoryStore } from './types.js';

/** Earlier versions' bodies a record keeps, so a correction can be shown and undone. */
export const KEPT_VERSIONS = 5;

function publishArgs(
  keys: StoreKeys,
  story: Story,
  now: number,
  retag: boolean,
): (string | number)[] {
  const embargo = story.embargoed === undefined ? 0 : Date.parse(story.embargoed);
  return [
    keys.feedPrefix,
    story.id,
    story.contentHash,
    story.sourceVersion ?? '',
    Date.parse(story.versioncreated),
    story.firstcreated,
    Date.parse(story.firstcreated),
    story.pubstatus,
    embargo,
    now,
    retag ? '1' : '',
    JSON.stringify(story),
    keys.changes,
    KEPT_VERSIONS,
    ...story.subjects.map((subject) => subject.slug),
  ];
}

function toResult(reply: (string | number)[]): PublishResult {
  const [outcome, version, embargo, ...changedFeeds] = reply;
  return {
    outcome: outcome as PublishOutcome,
    version: Number(version),
    ...(outcome === 'held' ? { embargoUntil: Number(embargo) } : {}),
    changedFeeds: changedFeeds.map(String),
  };
}

/** A {@link StoryStore} in Redis: one lifecycle hash per story, written by one Lua script. */
export function createStoryStore(redis: Redis, keys: StoreKeys): StoryStore {
  const commands = withStoreCommands(redis);
  return {
    async publish(story, options) {
      const args = publishArgs(keys, story, options.now, options.retag ?? false);
      return toResult(
        await commands.publishVersion(
          keys.story(story.id),
          keys.sequence,
          keys.generations,
          ...args,
        ),
      );
    },
    async get(id) {
      const [body, version, firstcreated, status] = await redis.hmget(
        keys.story(id),
        ...READ_FIELDS,
      );
      if (status === 'canceled') return { state: 'killed' };
      const story = assemble([body ?? null, version ?? null, firstcreated ?? null]);
      return story ? { state: 'published', story } : { state: 'absent' };
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hmget(keys.story(id), ...READ_FIELDS);
      const replies = (await pipeline.exec()) ?? [];
      return replies.flatMap(([error, fields]) => {
        if (error) throw error;
        const story = assemble(fields as (string | null)[]);
        return story ? [story] : [];
      });
    },
    async record(id) {
      const fields = await redis.hgetall(keys.story(id));
      for (const name of Object.keys(fields)) if (name === 'pub') delete fields[name];
      return toRecord(id, fields);
    },
    async version(id, version) {
      const [published, pv, firstcreated, kept] = await redis.hmget(
        keys.story(id),
        'pub',
        'pv',
        'fc',
        `b:${version}`,
      );
      const body = Number(pv) === version ? published : kept;
      return assemble([body ?? null, String(version), firstcreated ?? null]);
    },
  };
}

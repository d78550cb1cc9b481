import type { Redis } from '@bulletin/redis';
import type { Story } from '@bulletin/story';
import { copyKey, RecentFingerprints, type Fingerprint } from './copies.js';
import type { StoreKeys } from './keys.js';
import { withStoreCommands } from './scripts.js';
import { assemble, READ_FIELDS, toRecord } from './story-record.js';
import type { PublishOptions, PublishOutcome, PublishResult, StoryStore } from './types.js';

/** Earlier versions' bodies a record keeps, so a correction can be shown and undone. */
export const KEPT_VERSIONS = 5;

/** What one publish call looks for: the copy the caller found, and what it has seen. */
interface CopySearch {
  text: string;
  simhash: string;
  candidate: string;
  cursor: string;
  maxBits: number;
  windowMs: number;
}

function publishArgs(
  keys: StoreKeys,
  story: Story,
  options: PublishOptions,
  search: CopySearch | undefined,
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
    options.now,
    options.retag ? '1' : '',
    JSON.stringify(story),
    keys.changes,
    KEPT_VERSIONS,
    search?.text ?? '',
    search?.simhash ?? '',
    search?.candidate ?? '',
    search?.cursor ?? '0-0',
    search?.maxBits ?? 0,
    search?.windowMs ?? 0,
    story.source.id,
    ...story.subjects.map((subject) => subject.slug),
  ];
}

type Reply = PublishResult | { outcome: 'recheck' };

function toResult(reply: (string | number)[]): { result: Reply; seen: Fingerprint[] } {
  const [outcome, version, embargo, count, ...rest] = reply;
  const seen: Fingerprint[] = [];
  const n = Number(count);
  for (let i = 0; i < n * 6; i += 6) {
    seen.push({
      entry: String(rest[i]),
      text: String(rest[i + 1]),
      simhash: String(rest[i + 2]),
      id: String(rest[i + 3]),
      source: String(rest[i + 4]),
      at: Number(rest[i + 5]),
    });
  }
  const tail = rest.slice(n * 6).map(String);
  if (outcome === 'recheck') return { result: { outcome }, seen };
  const result: PublishResult = {
    outcome: outcome as PublishOutcome,
    version: Number(version),
    ...(outcome === 'held' ? { embargoUntil: Number(embargo) } : {}),
    changedFeeds: outcome === 'copy' ? [] : tail,
    ...(outcome === 'copy' ? { duplicateOf: tail[0] ?? '' } : {}),
  };
  return { result, seen };
}

const LOAD_PAGE = 5000;

/**
 * This process's view of the fingerprint stream: loaded once, then kept current by every
 * publish reply (each returns what was recorded since the view's cursor), so finding a copy
 * costs no extra round trip.
 */
function fingerprintView(redis: Redis, key: string) {
  let view: RecentFingerprints | undefined;
  const read = async (from: string): Promise<Fingerprint[]> => {
    const entries = await redis.xrange(key, `(${from}`, '+', 'COUNT', LOAD_PAGE);
    return entries.map(([entry, fields]) => {
      const value = (name: string) => fields[fields.indexOf(name) + 1] ?? '';
      return {
        entry,
        at: Number(value('a')),
        text: value('t'),
        simhash: value('s'),
        id: value('i'),
        source: value('o'),
      };
    });
  };
  return {
    /** The view, after reading every entry it has not seen (first use, or far behind). */
    async catchUp(): Promise<RecentFingerprints> {
      view ??= new RecentFingerprints();
      for (;;) {
        const page = await read(view.cursor);
        view.add(page);
        if (page.length < LOAD_PAGE) return view;
      }
    },
    current: () => view,
  };
}

/** A {@link StoryStore} in Redis: one lifecycle hash per story, written by one Lua script. */
export function createStoryStore(redis: Redis, keys: StoreKeys): StoryStore {
  const commands = withStoreCommands(redis);
  const fingerprints = fingerprintView(redis, keys.fingerprints);
  const call = (story: Story, options: PublishOptions, search?: CopySearch) =>
    commands
      .publishVersion(
        keys.story(story.id),
        keys.sequence,
        keys.generations,
        keys.fingerprints,
        ...publishArgs(keys, story, options, search),
      )
      .then(toResult);
  return {
    async publish(story, options) {
      const policy = options.duplicates;
      const key = policy && !options.retag ? copyKey(story) : undefined;
      if (policy === undefined || key === undefined) {
        return (await call(story, options)).result as PublishResult;
      }
      const since = options.now - policy.windowMs;
      let view = fingerprints.current() ?? (await fingerprints.catchUp());
      for (;;) {
        view.forget(since);
        const candidate = view.find(key, story.id, story.source.id, policy.maxBits) ?? '';
        const { result, seen } = await call(story, options, {
          ...key,
          candidate,
          cursor: view.cursor,
          ...policy,
        });
        view.add(seen);
        if (result.outcome !== 'recheck') return result;
        view = await fingerprints.catchUp();
      }
    },
    async get(id) {
      const [body, version, firstcreated, status, of] = await redis.hmget(
        keys.story(id),
        ...READ_FIELDS,
        'dup',
      );
      if (status === 'canceled') return { state: 'killed' };
      if (of) return { state: 'copy', of };
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

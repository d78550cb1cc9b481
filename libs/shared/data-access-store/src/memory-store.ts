import type { Story } from '@bulletin/story';
import { copyKey, RecentFingerprints } from './copies.js';
import { skipThrough } from './redis-feed-index.js';
import { KEPT_VERSIONS } from './redis-story-store.js';
import type { ChangeFeed, ChangeHandlers } from './change-feed.js';
import type { FeedIndex, PublishOptions, PublishResult, StoryRecord, StoryStore } from './types.js';

interface MemoryRecord extends Omit<StoryRecord, 'keptVersions' | 'topics'> {
  hashes: string[];
  published?: string;
  bodies: Map<number, string>;
  topics: string[];
  firstcreatedMs: number;
}

interface Feed {
  byDate: Map<string, number>;
  bySequence: Map<string, number>;
}

/** The state both fakes share, as the Redis implementations share one Redis. */
class MemoryState {
  readonly listeners = new Set<ChangeHandlers>();
  readonly records = new Map<string, MemoryRecord>();
  readonly feeds = new Map<string, Feed>();
  readonly generations = new Map<string, number>();
  readonly fingerprints = new RecentFingerprints();
  sequence = 0;
  entries = 0;

  feed(key: string): Feed {
    let feed = this.feeds.get(key);
    if (!feed) this.feeds.set(key, (feed = { byDate: new Map(), bySequence: new Map() }));
    return feed;
  }
}

function sortedDesc(entries: Map<string, number>): [string, number][] {
  return [...entries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1));
}

/** The lifecycle rules of `publish-version.lua`, over plain maps. */
class MemoryPublisher {
  constructor(private readonly state: MemoryState) {}

  publish(story: Story, options: PublishOptions): PublishResult {
    const record = this.state.records.get(story.id);
    if (record?.pubstatus === 'canceled') return this.reply('killed', record.version);
    if (story.pubstatus === 'canceled') return this.kill(story, options.now, record);
    if (record?.duplicateOf !== undefined) return this.copy(record, record.duplicateOf);
    if (!record) {
      const of = this.copyOf(story, options);
      if (of !== undefined) return this.copy(this.create(story), of);
    }
    const json = JSON.stringify(story);
    if (record && record.contentHash === story.contentHash) {
      return this.repeat(record, json, options);
    }
    if (record?.hashes.includes(story.contentHash)) return this.reply('duplicate', record.version);
    if (record && this.isOlder(story, record)) {
      record.staleArrivals += 1;
      return this.reply('stale', record.version);
    }
    return this.accept(story, json, options.now, record);
  }

  /** The story from another source that a first version copies; records it when none. */
  private copyOf(story: Story, options: PublishOptions): string | undefined {
    const key = options.duplicates && !options.retag ? copyKey(story) : undefined;
    if (!options.duplicates || key === undefined) return undefined;
    const view = this.state.fingerprints;
    view.forget(options.now - options.duplicates.windowMs);
    const of = view.find(key, story.id, story.source.id, options.duplicates.maxBits);
    if (of !== undefined) return of;
    const entry = `0-${(this.state.entries += 1)}`;
    view.add([{ entry, at: options.now, id: story.id, source: story.source.id, ...key }]);
    return undefined;
  }

  private copy(record: MemoryRecord, of: string): PublishResult {
    if (record.version === 0) Object.assign(record, { version: 1, duplicateOf: of });
    return { ...this.reply('copy', record.version), duplicateOf: of };
  }

  private repeat(record: MemoryRecord, json: string, options: PublishOptions): PublishResult {
    const usable = record.pubstatus === 'usable';
    if (record.publishedVersion === record.version && options.retag && usable) {
      return record.published === json
        ? this.reply('duplicate', record.version)
        : this.show(record, json, options.now);
    }
    if (record.publishedVersion < record.version && usable) {
      if ((record.embargoUntil ?? 0) <= options.now) return this.show(record, json, options.now);
      return { ...this.reply('held', record.version), embargoUntil: record.embargoUntil ?? 0 };
    }
    return this.reply('duplicate', record.version);
  }

  private isOlder(story: Story, record: MemoryRecord): boolean {
    if (story.sourceVersion !== undefined && record.sourceVersion !== undefined) {
      return story.sourceVersion < record.sourceVersion;
    }
    return Date.parse(story.versioncreated) < record.versioncreated;
  }

  private accept(story: Story, json: string, now: number, found?: MemoryRecord): PublishResult {
    const record = found ?? this.create(story);
    record.version += 1;
    record.contentHash = story.contentHash;
    record.hashes = [story.contentHash, ...record.hashes].slice(0, 16);
    record.sourceVersion = story.sourceVersion;
    record.versioncreated = Date.parse(story.versioncreated);
    record.pubstatus = story.pubstatus;
    record.embargoUntil = story.embargoed === undefined ? 0 : Date.parse(story.embargoed);
    record.changedAt = now;
    if (story.pubstatus === 'withheld') {
      const changed = this.takeDown(record);
      record.bodies.set(record.version, json);
      this.trim(record);
      return this.announce('withheld', record, changed);
    }
    if ((record.embargoUntil ?? 0) > now) {
      record.bodies.set(record.version, json);
      this.trim(record);
      return { ...this.reply('held', record.version), embargoUntil: record.embargoUntil ?? 0 };
    }
    return this.show(record, json, now);
  }

  private create(story: Story): MemoryRecord {
    const record: MemoryRecord = {
      id: story.id,
      version: 0,
      contentHash: '',
      hashes: [],
      pubstatus: 'usable',
      versioncreated: 0,
      firstcreated: story.firstcreated,
      firstcreatedMs: Date.parse(story.firstcreated),
      publishedVersion: 0,
      topics: [],
      bodies: new Map(),
      staleArrivals: 0,
      changedAt: 0,
    };
    this.state.records.set(story.id, record);
    return record;
  }

  private show(record: MemoryRecord, json: string, now: number): PublishResult {
    const first = record.publishedVersion === 0 && record.publicationSequence === undefined;
    if (record.published && record.publishedVersion !== record.version) {
      record.bodies.set(record.publishedVersion, record.published);
    }
    record.publicationSequence ??= ++this.state.sequence;
    const topics = (JSON.parse(json) as Story).subjects.map((subject) => subject.slug);
    const changed = ['all', ...topics.map((slug) => `topics/${slug}`)];
    for (const feed of changed) {
      this.state.feed(feed).byDate.set(record.id, record.firstcreatedMs);
      this.state.feed(feed).bySequence.set(record.id, record.publicationSequence);
    }
    for (const slug of record.topics.filter((old) => !topics.includes(old))) {
      this.unlist(`topics/${slug}`, record.id);
      changed.push(`topics/${slug}`);
    }
    Object.assign(record, { published: json, publishedVersion: record.version, topics });
    record.changedAt = now;
    record.bodies.delete(record.version);
    this.trim(record);
    return this.announce(first ? 'published' : 'updated', record, changed);
  }

  private kill(story: Story, now: number, found?: MemoryRecord): PublishResult {
    const record = found ?? this.create(story);
    const changed = this.takeDown(record);
    record.bodies.clear();
    record.version += 1;
    Object.assign(record, {
      pubstatus: 'canceled',
      contentHash: story.contentHash,
      changedAt: now,
    });
    return this.announce('killed', record, changed);
  }

  private takeDown(record: MemoryRecord): string[] {
    if (record.publishedVersion === 0) return [];
    const feeds = ['all', ...record.topics.map((slug) => `topics/${slug}`)];
    for (const feed of feeds) this.unlist(feed, record.id);
    if (record.published) record.bodies.set(record.publishedVersion, record.published);
    Object.assign(record, { published: undefined, publishedVersion: 0, topics: [] });
    return feeds;
  }

  private unlist(feed: string, id: string): void {
    this.state.feed(feed).byDate.delete(id);
    this.state.feed(feed).bySequence.delete(id);
  }

  private trim(record: MemoryRecord): void {
    for (const version of record.bodies.keys()) {
      if (version <= record.version - KEPT_VERSIONS) record.bodies.delete(version);
    }
  }

  private announce(outcome: PublishResult['outcome'], record: MemoryRecord, changed: string[]) {
    for (const feed of changed) {
      this.state.generations.set(feed, (this.state.generations.get(feed) ?? 0) + 1);
    }
    if (changed.length > 0)
      for (const listener of this.state.listeners) listener.changed([...changed]);
    return { outcome, version: record.version, changedFeeds: changed };
  }

  private reply(outcome: PublishResult['outcome'], version: number): PublishResult {
    return { outcome, version, changedFeeds: [] };
  }
}

function toRecordView(record: MemoryRecord): StoryRecord {
  return {
    id: record.id,
    version: record.version,
    contentHash: record.contentHash,
    pubstatus: record.pubstatus,
    ...(record.sourceVersion === undefined ? {} : { sourceVersion: record.sourceVersion }),
    versioncreated: record.versioncreated,
    firstcreated: record.firstcreated,
    ...(record.embargoUntil ? { embargoUntil: record.embargoUntil } : {}),
    publishedVersion: record.publishedVersion,
    ...(record.publicationSequence === undefined
      ? {}
      : { publicationSequence: record.publicationSequence }),
    topics: [...record.topics],
    keptVersions: [...record.bodies.keys()].sort((a, b) => a - b),
    staleArrivals: record.staleArrivals,
    changedAt: record.changedAt,
    ...(record.duplicateOf === undefined ? {} : { duplicateOf: record.duplicateOf }),
  };
}

function withVersion(json: string, record: MemoryRecord, version: number): Story {
  return { ...(JSON.parse(json) as Story), version, firstcreated: record.firstcreated };
}

/**
 * An in-memory {@link StoryStore} and {@link FeedIndex} with the lifecycle rules of the Redis
 * ones, for tests of code that needs a store but not Redis. Both pass the same contract suites.
 */
export function createMemoryStore(): { store: StoryStore; index: FeedIndex; changes: ChangeFeed } {
  const state = new MemoryState();
  const publisher = new MemoryPublisher(state);
  const published = (id: string) => {
    const record = state.records.get(id);
    return record?.published
      ? withVersion(record.published, record, record.publishedVersion)
      : undefined;
  };
  const store: StoryStore = {
    publish: async (story, options) => publisher.publish(structuredClone(story), options),
    async get(id) {
      const record = state.records.get(id);
      if (record?.pubstatus === 'canceled') return { state: 'killed' };
      if (record?.duplicateOf !== undefined) return { state: 'copy', of: record.duplicateOf };
      const story = published(id);
      return story ? { state: 'published', story } : { state: 'absent' };
    },
    getMany: async (ids) => ids.flatMap((id) => published(id) ?? []),
    async record(id) {
      const found = state.records.get(id);
      return found && toRecordView(found);
    },
    async version(id, version) {
      const record = state.records.get(id);
      const json =
        record?.publishedVersion === version ? record.published : record?.bodies.get(version);
      return record && json ? withVersion(json, record, version) : undefined;
    },
  };
  const index: FeedIndex = {
    latest: async (feed, limit) =>
      sortedDesc(state.feed(feed).byDate)
        .slice(0, limit)
        .map(([id]) => id),
    bySequence: async (feed, { before, limit }) =>
      sortedDesc(state.feed(feed).bySequence)
        .filter(([, sequence]) => before === undefined || sequence < before)
        .slice(0, limit)
        .map(([id, sequence]) => ({ id, sequence })),
    sequenceRange: async (feed, start, stop) =>
      sortedDesc(state.feed(feed).bySequence)
        .reverse()
        .slice(start, stop + 1)
        .map(([id]) => id),
    page: async (feed, { since, after, limit }) =>
      skipThrough(
        sortedDesc(state.feed(feed).byDate)
          .filter(([, date]) => since === undefined || date >= since)
          .map(([id, date]) => ({ id, date })),
        after,
      ).slice(0, limit),
    count: async (feed) => state.feed(feed).byDate.size,
    generation: async (feed) => state.generations.get(feed) ?? 0,
  };
  const changes: ChangeFeed = {
    async subscribe(handlers) {
      state.listeners.add(handlers);
      return async () => void state.listeners.delete(handlers);
    },
  };
  return { store, index, changes };
}

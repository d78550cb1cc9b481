import type { Keys, Redis } from '@bulletin/redis';
import { BulletinError, type Story } from '@bulletin/story';
import { withStoreCommands, type StoreCommands } from './scripts.js';

export type SaveOutcome = 'created' | 'updated' | 'duplicate';

export interface SavedStory {
  outcome: SaveOutcome;
  /** The story as stored: its version and firstcreated may differ from the one passed in. */
  story: Story;
}

/** Where stories live. One implementation today (Redis); the contract suite is in the spec. */
export interface StoryStore {
  /**
   * Stores a freshly parsed story. A re-delivery with the same content is a `duplicate`; one
   * with changed content becomes the next version, keeping the first version's `firstcreated`.
   */
  saveIncoming(story: Story): Promise<SavedStory>;
  /** Replaces the stored story with its enriched form; false when a newer version exists. */
  saveEnriched(story: Story): Promise<boolean>;
  get(id: string): Promise<Story | undefined>;
  /** Stories for the ids, in the same order, skipping ids with no story. */
  getMany(ids: readonly string[]): Promise<Story[]>;
}

const MAX_VERSION_RACES = 5;

async function saveIncoming(redis: Redis & StoreCommands, keys: Keys, story: Story): Promise<SavedStory> {
  let candidate = story;
  for (let attempt = 0; attempt < MAX_VERSION_RACES; attempt += 1) {
    const [status, version, firstcreated] = await redis.saveIncoming(
      keys.story(candidate.id), keys.storyVersions, candidate.id, candidate.version,
      candidate.contentHash, candidate.firstcreated, JSON.stringify(candidate),
    );
    if (status === 'saved') return { outcome: version === 1 ? 'created' : 'updated', story: candidate };
    if (status === 'duplicate') return { outcome: 'duplicate', story: { ...candidate, version, firstcreated } };
    candidate = { ...story, version: version + 1, firstcreated };
  }
  throw new BulletinError('STORE_VERSION_RACE', `story ${story.id}: lost ${MAX_VERSION_RACES} version races in a row`);
}

/** A {@link StoryStore} in Redis: JSON per story plus one hash of newest versions. */
export function createStoryStore(redis: Redis, keys: Keys): StoryStore {
  const commands = withStoreCommands(redis);
  return {
    saveIncoming: (story) => saveIncoming(commands, keys, story),
    async saveEnriched(story) {
      const saved = await commands.saveEnriched(
        keys.story(story.id), keys.storyVersions, story.id, story.version, JSON.stringify(story),
      );
      return saved === 1;
    },
    async get(id) {
      const json = await redis.get(keys.story(id));
      return json === null ? undefined : (JSON.parse(json) as Story);
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      // Our own writes, validated before they were stored: parsed, not re-validated, on the
      // hot read path of every feed request.
      const values = await redis.mget(ids.map((id) => keys.story(id)));
      return values.flatMap((json) => (json === null ? [] : [JSON.parse(json) as Story]));
    },
  };
}

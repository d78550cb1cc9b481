import type { Keys, Redis } from '@bulletin/redis';
import { BulletinError } from '@bulletin/errors';
import { type Story, type Subject } from '@bulletin/story';
import { withStoreCommands, type StoreCommands } from './scripts.js';

export type SaveOutcome = 'created' | 'updated' | 'duplicate';

export interface SavedStory {
  outcome: SaveOutcome;
  /** The story as stored: its version and firstcreated may differ from the one passed in. */
  story: Story;
}

/**
 * Where stories live. A story is stored once as parsed and its subjects beside it, so tagging
 * writes a few hundred bytes rather than rewriting the whole story.
 */
export interface StoryStore {
  /**
   * Stores a freshly parsed story. A re-delivery with the same content is a `duplicate`; one
   * with changed content becomes the next version, keeping the first version's `firstcreated`.
   */
  saveIncoming(story: Story): Promise<SavedStory>;
  /** Stores the subjects of a version; false when a newer version exists (nothing written). */
  saveSubjects(id: string, version: number, subjects: readonly Subject[]): Promise<boolean>;
  get(id: string): Promise<Story | undefined>;
  /** Stories for the ids, in the same order, skipping ids with no story. */
  getMany(ids: readonly string[]): Promise<Story[]>;
}

const MAX_VERSION_RACES = 5;

async function saveIncoming(
  redis: Redis & StoreCommands,
  keys: Keys,
  story: Story,
): Promise<SavedStory> {
  let candidate = story;
  for (let attempt = 0; attempt < MAX_VERSION_RACES; attempt += 1) {
    const [status, version, firstcreated] = await redis.saveIncoming(
      keys.story(candidate.id),
      keys.storyVersions,
      candidate.id,
      candidate.version,
      candidate.contentHash,
      candidate.firstcreated,
      JSON.stringify(candidate),
    );
    if (status === 'saved')
      return { outcome: version === 1 ? 'created' : 'updated', story: candidate };
    if (status === 'duplicate')
      return { outcome: 'duplicate', story: { ...candidate, version, firstcreated } };
    candidate = { ...story, version: version + 1, firstcreated };
  }
  throw new BulletinError(
    'STORE_VERSION_RACE',
    `story ${story.id}: lost ${MAX_VERSION_RACES} version races in a row`,
  );
}

/** Our own writes, validated before they were stored: parsed, not re-validated, on hot reads. */
function assemble([story, subjects]: (string | null)[]): Story | undefined {
  if (!story) return undefined;
  const parsed = JSON.parse(story) as Story;
  return subjects ? { ...parsed, subjects: JSON.parse(subjects) as Subject[] } : parsed;
}

/** A {@link StoryStore} in Redis: one hash per story plus one hash of newest versions. */
export function createStoryStore(redis: Redis, keys: Keys): StoryStore {
  const commands = withStoreCommands(redis);
  return {
    saveIncoming: (story) => saveIncoming(commands, keys, story),
    async saveSubjects(id, version, subjects) {
      const saved = await commands.saveSubjects(
        keys.story(id),
        keys.storyVersions,
        id,
        version,
        JSON.stringify(subjects),
      );
      return saved === 1;
    },
    async get(id) {
      return assemble(await redis.hmget(keys.story(id), 'story', 'subjects'));
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hmget(keys.story(id), 'story', 'subjects');
      const replies = (await pipeline.exec()) ?? [];
      return replies.flatMap(([error, fields]) => {
        if (error) throw error;
        const story = assemble(fields as (string | null)[]);
        return story ? [story] : [];
      });
    },
  };
}

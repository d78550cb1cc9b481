import type { EnrichJobData } from '@bulletin/contracts';
import type { Producers } from '@bulletin/queues';
import type { StoryStore } from '@bulletin/store';
import type { Tagger } from '@bulletin/tagger';

export interface EnrichDeps {
  tagger: Tagger;
  store: Pick<StoryStore, 'get' | 'saveSubjects'>;
  producers: Pick<Producers, 'publish'>;
}

export interface EnrichResult {
  id: string;
  version: number;
  topics: string[];
  /** True when a newer version had arrived meanwhile; that version publishes instead. */
  superseded: boolean;
}

/** read → tag → store the tags → hand on to publishing. */
export async function processEnrich(data: EnrichJobData, deps: EnrichDeps): Promise<EnrichResult> {
  const story = await deps.store.get(data.id);
  const result = { id: data.id, version: data.version, topics: [] as string[] };
  if (!story || story.version !== data.version) return { ...result, superseded: true };
  const subjects = deps.tagger.tag(story);
  const topics = subjects.map((subject) => subject.slug);
  if (!(await deps.store.saveSubjects(story.id, story.version, subjects))) {
    return { ...result, topics, superseded: true };
  }
  await deps.producers.publish({
    id: story.id,
    version: story.version,
    publishedAt: Date.parse(story.firstcreated),
    topics,
  });
  return { ...result, topics, superseded: false };
}

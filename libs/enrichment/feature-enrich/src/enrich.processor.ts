import type { EnrichJobData } from '@bulletin/contracts';
import type { Producers } from '@bulletin/queues';
import type { StoryStore } from '@bulletin/store';
import type { Tagger } from '@bulletin/tagger';

export interface EnrichDeps {
  tagger: Tagger;
  store: Pick<StoryStore, 'saveEnriched'>;
  producers: Pick<Producers, 'publish'>;
}

export interface EnrichResult {
  id: string;
  version: number;
  topics: string[];
  /** True when a newer version had arrived meanwhile; that version publishes instead. */
  superseded: boolean;
}

/** tag → store → hand on to publishing. */
export async function processEnrich(data: EnrichJobData, deps: EnrichDeps): Promise<EnrichResult> {
  const { story } = data;
  const subjects = deps.tagger.tag(story);
  const topics = subjects.map((subject) => subject.slug);
  const result = { id: story.id, version: story.version, topics };
  if (!(await deps.store.saveEnriched({ ...story, subjects }))) return { ...result, superseded: true };
  await deps.producers.publish({
    id: story.id,
    version: story.version,
    publishedAt: Date.parse(story.firstcreated),
    topics,
  });
  return { ...result, superseded: false };
}

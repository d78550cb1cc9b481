import type { EnrichJobData } from '@bulletin/contracts';
import type { Producers } from '@bulletin/queues';
import type { StoryStore } from '@bulletin/store';
import type { Tagger } from '@bulletin/tagger';

export interface EnrichDeps {
  tagger: Tagger;
  store: Pick<StoryStore, 'saveSubjects'>;
  producers: Pick<Producers, 'publish'>;
}

export interface EnrichResult {
  id: string;
  version: number;
  topics: string[];
  /** True when a newer version had arrived meanwhile; that version publishes instead. */
  superseded: boolean;
}

/** tag → store the tags (if still the newest version) → hand on to publishing. */
export async function processEnrich(data: EnrichJobData, deps: EnrichDeps): Promise<EnrichResult> {
  const subjects = deps.tagger.tag(data);
  const topics = subjects.map((subject) => subject.slug);
  const result = { id: data.id, version: data.version, topics };
  if (!(await deps.store.saveSubjects(data.id, data.version, subjects))) {
    return { ...result, superseded: true };
  }
  await deps.producers.publish({
    id: data.id,
    version: data.version,
    publishedAt: Date.parse(data.firstcreated),
    topics,
  });
  return { ...result, superseded: false };
}

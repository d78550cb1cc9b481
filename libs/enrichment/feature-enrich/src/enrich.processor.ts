import type { EnrichJobData } from '@bulletin/contracts';
import type { StageContext } from '@bulletin/queues';
import type { Tagger } from '@bulletin/tagger';

export interface EnrichDeps {
  tagger: Tagger;
}

export interface EnrichResult {
  id: string;
  topics: string[];
}

/** tag → hand on to publishing. Pure but for the hand-off, so a retry simply tags again. */
export async function processEnrich(
  data: EnrichJobData,
  context: Pick<StageContext<'enrich'>, 'handOff' | 'log'>,
  deps: EnrichDeps,
): Promise<EnrichResult> {
  const subjects = deps.tagger.tag(data.story);
  const story = { ...data.story, subjects };
  await context.handOff([data.retag === undefined ? { story } : { story, retag: data.retag }]);
  const topics = subjects.map((subject) => subject.slug);
  context.log.info({ storyId: story.id, topics }, 'tagged');
  return { id: story.id, topics };
}

import type { EnrichJobData } from '@bulletin/contracts';
import type { StageContext } from '@bulletin/queues';
import type { Story, StoryEntity } from '@bulletin/story';
import { summariseLede, type Tagger } from '@bulletin/tagger';

export interface EnrichDeps {
  tagger: Tagger;
}

export interface EnrichResult {
  id: string;
  topics: string[];
}

/** The source's own entities first, then those the tagger found, each name once. */
function mergeEntities(own: readonly StoryEntity[], found: readonly StoryEntity[]): StoryEntity[] {
  const names = new Set(own.map((entity) => entity.name.toLowerCase()));
  return [...own, ...found.filter((entity) => !names.has(entity.name.toLowerCase()))];
}

/**
 * The story with its topics (and their evidence), people, organisations and places, and a
 * summary cut from its own lede. Pure: the same story and taxonomy give the same result.
 */
export function enrichStory(story: Story, tagger: Tagger): Story {
  const found = tagger.analyse(story);
  const summary = summariseLede(story.bodyText);
  return {
    ...story,
    subjects: found.subjects,
    people: mergeEntities(story.people, found.people),
    organisations: mergeEntities(story.organisations, found.organisations),
    places: mergeEntities(story.places, found.places),
    summary: summary === '' ? story.summary : summary,
  };
}

/** tag → hand on to publishing. Pure but for the hand-off, so a retry simply tags again. */
export async function processEnrich(
  data: EnrichJobData,
  context: Pick<StageContext<'enrich'>, 'handOff' | 'log'>,
  deps: EnrichDeps,
): Promise<EnrichResult> {
  const story = enrichStory(data.story, deps.tagger);
  await context.handOff([data.retag === undefined ? { story } : { story, retag: data.retag }]);
  const topics = story.subjects.map((subject) => subject.slug);
  context.log.info({ storyId: story.id, topics }, 'tagged');
  return { id: story.id, topics };
}

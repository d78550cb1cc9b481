import type { PublishJobData } from '@bulletin/contracts';
import type { StageContext } from '@bulletin/queues';
import type { DuplicatePolicy, PublishResult, StoryStore } from '@bulletin/store';

export interface PublishDeps {
  store: Pick<StoryStore, 'publish'>;
  /** The current time, epoch ms. */
  now: () => number;
  /** Told which feeds changed (WebSub); must not wait on anything slow. */
  changed?: (feeds: readonly string[]) => Promise<void>;
  /** Where set, a first version another source sent first is recorded as a copy. */
  duplicates?: DuplicatePolicy;
}

/**
 * The one writer of what readers see: records the tagged version in the story's lifecycle and,
 * where it is the newest usable one, puts it in its feeds — in one atomic step, so a retry
 * after a crash at any point finishes the job and a repeat changes nothing. An embargoed
 * version comes back as a delayed job of its own at its embargo time.
 */
export async function processPublish(
  data: PublishJobData,
  context: Pick<StageContext<'publish'>, 'later' | 'log'>,
  deps: PublishDeps,
): Promise<PublishResult> {
  const result = await deps.store.publish(data.story, {
    now: deps.now(),
    retag: data.retag !== undefined,
    ...(deps.duplicates ? { duplicates: deps.duplicates } : {}),
  });
  if (result.outcome === 'held' && result.embargoUntil !== undefined) {
    await context.later(data, result.embargoUntil);
  }
  if (result.changedFeeds.length > 0) await deps.changed?.(result.changedFeeds);
  context.log.info(
    {
      storyId: data.story.id,
      outcome: result.outcome,
      version: result.version,
      feeds: result.changedFeeds,
      ...(result.duplicateOf ? { duplicateOf: result.duplicateOf } : {}),
      ...(result.embargoUntil ? { embargoUntil: new Date(result.embargoUntil).toISOString() } : {}),
    },
    result.outcome,
  );
  return result;
}

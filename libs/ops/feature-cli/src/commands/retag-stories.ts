import type { EnrichJobData } from '@bulletin/contracts';
import type { FeedIndex, StoryStore } from '@bulletin/store';

export interface RetagStoriesDeps {
  index: Pick<FeedIndex, 'page' | 'count'>;
  store: Pick<StoryStore, 'getMany'>;
  /** Enqueues enrich jobs; resolves once Redis has them. */
  enqueue: (items: readonly EnrichJobData[]) => Promise<void>;
  /** `all`, or `topics/{slug}` for the stories now in one topic. */
  feed: string;
  /** Only stories whose display date is at or after this (epoch ms). */
  since?: number;
  /** The taxonomy version the run re-tags with: part of each job id. */
  revision: string;
  /** Called after each page with done and total. */
  progress: (done: number, total: number) => void;
  /** Stories read per round trip. @defaultValue 200 */
  pageSize?: number;
}

/**
 * Re-enqueues the published stories of a feed onto the enrich queue as a re-tag run. Each job id
 * is the story, its content and `revision`, so running it twice for one taxonomy queues each
 * story once, and publishing replaces the story's tags rather than calling it a duplicate.
 * Resolves to the number of stories queued.
 */
export async function retagStories(deps: RetagStoriesDeps): Promise<number> {
  const limit = deps.pageSize ?? 200;
  const total = await deps.index.count(deps.feed);
  let after: { id: string; date: number } | undefined;
  let done = 0;
  for (;;) {
    const page = await deps.index.page(deps.feed, {
      limit,
      ...(deps.since === undefined ? {} : { since: deps.since }),
      ...(after === undefined ? {} : { after }),
    });
    if (page.length === 0) break;
    const stories = await deps.store.getMany(page.map((entry) => entry.id));
    await deps.enqueue(stories.map((story) => ({ story, retag: deps.revision })));
    done += stories.length;
    deps.progress(done, Math.max(total, done));
    after = page.at(-1);
    if (page.length < limit) break;
  }
  return done;
}

import type { FeedSourceDefinition } from '@bulletin/config';
import { PIPELINE, type PollJobData } from '@bulletin/contracts';
import type { Queue } from 'bullmq';

const SCHEDULER_PREFIX = 'poll:';

/** The job scheduler's id of a feed source. */
export const pollSchedulerId = (sourceId: string) => `${SCHEDULER_PREFIX}${sourceId}`;

/**
 * One BullMQ job scheduler per feed source, every `intervalSeconds` (the first poll at once).
 * An upsert by id is idempotent, so several instances starting at once leave one scheduler
 * per source and one job per tick. Schedulers of sources no longer in the file are removed.
 */
export async function schedulePolls(
  queue: Queue<PollJobData>,
  feeds: readonly FeedSourceDefinition[],
): Promise<void> {
  const wanted = new Set(feeds.map((feed) => pollSchedulerId(feed.id)));
  for (const feed of feeds) {
    await queue.upsertJobScheduler(
      pollSchedulerId(feed.id),
      { every: feed.intervalSeconds * 1000 },
      {
        name: PIPELINE.poll.job,
        data: { sourceId: feed.id },
        // A failed poll is recorded on the source and polled again at the next tick.
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
  }
  const existing = await queue.getJobSchedulers(0, -1);
  for (const scheduler of existing) {
    if (scheduler.key.startsWith(SCHEDULER_PREFIX) && !wanted.has(scheduler.key)) {
      await queue.removeJobScheduler(scheduler.key);
    }
  }
}

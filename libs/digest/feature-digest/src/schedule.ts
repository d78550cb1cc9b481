import type { EditionConfig } from '@bulletin/config';
import { PIPELINE, type DigestJobData } from '@bulletin/contracts';
import type { Queue } from 'bullmq';

/** The scheduler id of an edition: the same in every instance, so upserts converge. */
export const schedulerId = (edition: string) => `edition-${edition}`;

/**
 * Upserts one BullMQ job scheduler per edition (cron `pattern` in its IANA `tz`, so 07:00 stays
 * 07:00 across daylight-saving changes) and removes those of editions no longer configured.
 * Several instances doing this at once end with one scheduler per edition.
 */
export async function scheduleEditions(
  queue: Queue<DigestJobData>,
  editions: readonly EditionConfig[],
) {
  for (const edition of editions) {
    await queue.upsertJobScheduler(
      schedulerId(edition.name),
      { pattern: edition.cron, tz: edition.tz },
      { name: PIPELINE.digest.job, data: { edition: edition.name } },
    );
  }
  const wanted = new Set(editions.map((edition) => schedulerId(edition.name)));
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    const id = scheduler.key;
    if (id.startsWith('edition-') && !wanted.has(id)) await queue.removeJobScheduler(id);
  }
}

/** A scheduled job's slot time, from its id (`repeat:{scheduler}:{ms}`); else `fallback`. */
export function slotOf(jobId: string, fallback: Date): Date {
  const millis = /:(\d{12,})$/.exec(jobId)?.[1];
  return millis ? new Date(Number(millis)) : fallback;
}

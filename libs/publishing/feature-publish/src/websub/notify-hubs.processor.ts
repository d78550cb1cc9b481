import type { NotifyJobData } from '@bulletin/contracts';
import { BulletinError } from '@bulletin/errors';
import type { StageContext } from '@bulletin/queues';

export interface NotifyDeps {
  /** WebSub hubs to tell; empty means none is configured. */
  hubs: readonly string[];
  /** The public URLs of a feed's documents (each format is a topic of its own). */
  topicUrls(feed: string): string[];
  /** How long one hub may take to answer. @defaultValue 10000 */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** A hub's answer that retrying cannot change (a 4xx other than 408 and 429). */
function refused(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

async function ping(hub: string, topic: string, deps: NotifyDeps): Promise<void> {
  const body = new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic });
  let response: Response;
  try {
    response = await (deps.fetch ?? fetch)(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new BulletinError('WEBSUB_UNREACHABLE', `hub ${hub} did not answer`, { cause: error });
  }
  await response.body?.cancel();
  if (response.ok) return;
  if (refused(response.status)) {
    throw new BulletinError(
      'WEBSUB_REFUSED',
      `hub ${hub} refused ${topic} with ${response.status}`,
      {
        permanent: true,
      },
    );
  }
  throw new BulletinError(
    'WEBSUB_UNAVAILABLE',
    `hub ${hub} answered ${response.status} for ${topic}`,
  );
}

/**
 * Tells every configured hub that a feed changed (`hub.mode=publish` for each of its documents),
 * so subscribers are pushed the new content. A hub that is down fails the job, which retries
 * with backoff; the publish stage never waits for this.
 */
export async function processNotify(
  data: NotifyJobData,
  context: Pick<StageContext<'notify'>, 'log'>,
  deps: NotifyDeps,
): Promise<{ pinged: number }> {
  const topics = deps.topicUrls(data.feed);
  const results = await Promise.allSettled(
    deps.hubs.flatMap((hub) => topics.map((topic) => ping(hub, topic, deps))),
  );
  const failures = results.filter((result) => result.status === 'rejected');
  if (failures.length > 0) {
    // Any transient failure retries the whole job: hubs treat a repeated ping as harmless.
    const errors = failures.map(
      (failure) => (failure as PromiseRejectedResult).reason as BulletinError,
    );
    throw errors.find((error) => !error.permanent) ?? errors[0];
  }
  context.log.info({ feed: data.feed, hubs: deps.hubs.length }, 'hubs notified');
  return { pinged: results.length };
}

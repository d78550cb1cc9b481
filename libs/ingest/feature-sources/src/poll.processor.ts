import { createHash } from 'node:crypto';
import type { FeedSourceDefinition } from '@bulletin/config';
import type { PollJobData } from '@bulletin/contracts';
import { BulletinError, describeError } from '@bulletin/errors';
import type { StageContext } from '@bulletin/queues';
import {
  toIngestData,
  type FetchFeedOptions,
  type FetchOutcome,
  type SourceStateStore,
} from '@bulletin/sources-io';
import { takePayload, type TakePayloadDeps } from './take-payload.js';

export interface PollDeps extends Omit<TakePayloadDeps, 'enqueue'> {
  feeds: ReadonlyMap<string, FeedSourceDefinition>;
  states: SourceStateStore;
  fetch: (options: FetchFeedOptions) => Promise<FetchOutcome>;
  limits: Pick<FetchFeedOptions, 'timeoutMs' | 'maxBytes' | 'maxRedirects'>;
  /** Poll even while the source backs off (`bulletin poll`). */
  force?: boolean;
}

export type PollResult =
  | { outcome: 'unknown-source' | 'not-modified' | 'unchanged' }
  | { outcome: 'backing-off'; until: number }
  | { outcome: 'changed'; stories: string[]; rejected: number }
  | { outcome: 'failed'; error: string; failures: number };

/** Backoff after a failure: two intervals, doubling per failure, at most an hour (or one interval). */
const backoffFor = (feed: FeedSourceDefinition) => ({
  baseMs: feed.intervalSeconds * 2000,
  maxMs: Math.max(3_600_000, feed.intervalSeconds * 1000),
});

/**
 * Polls one feed source: conditional GET with its stored validators; a 304 or an identical
 * body ends there; a changed body goes to `ingest` as a raw payload with its content type. A
 * fetch or parse failure is recorded on the source (and backs it off) rather than retried by
 * the queue: the scheduler polls again. Redis failures throw, so BullMQ retries them.
 */
export async function processPoll(
  data: PollJobData,
  context: Pick<StageContext<'poll'>, 'handOff' | 'log' | 'signal'>,
  deps: PollDeps,
): Promise<PollResult> {
  const feed = deps.feeds.get(data.sourceId);
  if (!feed) return { outcome: 'unknown-source' };
  const now = deps.now();
  const state = await deps.states.get(feed.id);
  if (!deps.force && state.backoffUntil !== undefined && state.backoffUntil > now) {
    return { outcome: 'backing-off', until: state.backoffUntil };
  }
  try {
    const fetched = await deps.fetch({
      url: feed.url,
      headers: feed.headers,
      ...(state.etag ? { etag: state.etag } : {}),
      ...(state.lastModified ? { lastModified: state.lastModified } : {}),
      ...deps.limits,
      ...(context.signal ? { signal: context.signal } : {}),
    });
    if (fetched.status === 304) {
      await deps.states.recordSuccess(feed.id, { changed: false, lastStatus: '304' }, now);
      return { outcome: 'not-modified' };
    }
    const validators = {
      ...(fetched.etag ? { etag: fetched.etag } : {}),
      ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
    };
    const bodyHash = createHash('sha256').update(fetched.body).digest('hex').slice(0, 32);
    if (bodyHash === state.bodyHash) {
      await deps.states.recordSuccess(
        feed.id,
        { changed: false, lastStatus: 'unchanged', ...validators },
        now,
      );
      return { outcome: 'unchanged' };
    }
    const payload = toIngestData(fetched.body, {
      source: { id: feed.id, name: feed.name },
      receivedAt: new Date(now).toISOString(),
      filename: fetched.url,
      ...(fetched.contentType ? { contentType: fetched.contentType } : {}),
    });
    const taken = await takePayload(payload, {
      ...deps,
      enqueue: (item) => context.handOff([item]),
    });
    await deps.states.recordSuccess(
      feed.id,
      {
        changed: true,
        lastStatus: '200',
        bodyHash,
        lastStories: taken.stories.length,
        ...validators,
      },
      now,
    );
    return {
      outcome: 'changed',
      stories: taken.stories.map((story) => story.id),
      rejected: taken.rejected.length,
    };
  } catch (error) {
    if (!(error instanceof BulletinError)) throw error;
    const reason = describeError(error);
    const failures = await deps.states.recordFailure(feed.id, reason, now, backoffFor(feed));
    context.log.warn({ source: feed.id, failures, err: reason }, 'poll failed');
    return { outcome: 'failed', error: reason, failures };
  }
}

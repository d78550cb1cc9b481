import { keyGroup, type Redis } from '@bulletin/redis';

/** What bulletin knows of one source's polls and arrivals (times in epoch ms). */
export interface SourceState {
  /** When the source was first started (its scheduler upserted, its folder watched). */
  firstSeenAt?: number;
  lastPollAt?: number;
  /** Last poll that worked (200 or 304), or last payload taken from a push or folder. */
  lastSuccessAt?: number;
  /** Last time the source brought something new. */
  lastChangeAt?: number;
  /** `200`, `304`, `unchanged` or the last error's code. */
  lastStatus?: string;
  /** `CODE: message` of the last failure; kept after a success, for the operator. */
  lastError?: string;
  lastErrorAt?: number;
  consecutiveFailures: number;
  /** Polls before this are skipped: the source is backing off. */
  backoffUntil?: number;
  /** Stories the last changed payload carried. */
  lastStories?: number;
  etag?: string;
  lastModified?: string;
  /** Hash of the last body, so a server without validators still costs nothing when unchanged. */
  bodyHash?: string;
}

/** A poll or arrival that worked. */
export type SourceSuccess = Pick<
  SourceState,
  'lastStatus' | 'etag' | 'lastModified' | 'bodyHash' | 'lastStories'
> & {
  changed: boolean;
};

/** Per-source state in Redis, one hash per source under the prefix. */
export interface SourceStateStore {
  /** Marks a source as started, once: its idle clock starts here. */
  started(id: string, now: number): Promise<void>;
  get(id: string): Promise<SourceState>;
  recordSuccess(id: string, success: SourceSuccess, now: number): Promise<void>;
  /**
   * Counts a failure and backs off: `baseMs` doubled per consecutive failure, capped at
   * `maxMs`. @returns the consecutive failures so far.
   */
  recordFailure(
    id: string,
    error: string,
    now: number,
    backoff: { baseMs: number; maxMs: number },
  ): Promise<number>;
}

const NUMBERS = [
  'firstSeenAt',
  'lastPollAt',
  'lastSuccessAt',
  'lastChangeAt',
  'lastErrorAt',
  'consecutiveFailures',
  'backoffUntil',
  'lastStories',
];

function decode(hash: Record<string, string>): SourceState {
  const state: Record<string, string | number> = { consecutiveFailures: 0 };
  for (const [field, value] of Object.entries(hash)) {
    state[field] = NUMBERS.includes(field) ? Number(value) : value;
  }
  return state as unknown as SourceState;
}

/** The state store under `prefix` (key group `sources`). */
export function createSourceStateStore(redis: Redis, prefix: string): SourceStateStore {
  const group = keyGroup(prefix, 'sources');
  const key = (id: string) => group.key('state', id);
  return {
    async started(id, now) {
      await redis.hsetnx(key(id), 'firstSeenAt', now);
    },
    async get(id) {
      return decode(await redis.hgetall(key(id)));
    },
    async recordSuccess(id, success, now) {
      const { changed, ...fields } = success;
      const values: Record<string, string | number> = {
        lastPollAt: now,
        lastSuccessAt: now,
        consecutiveFailures: 0,
      };
      for (const [field, value] of Object.entries(fields))
        if (value !== undefined) values[field] = value;
      if (changed) values['lastChangeAt'] = now;
      await redis
        .multi()
        .hset(key(id), values)
        .hdel(key(id), 'backoffUntil')
        .hsetnx(key(id), 'firstSeenAt', now)
        .exec();
    },
    async recordFailure(id, error, now, backoff) {
      const [[, failures] = []] =
        (await redis
          .multi()
          .hincrby(key(id), 'consecutiveFailures', 1)
          .hset(key(id), {
            lastPollAt: now,
            lastError: error,
            lastErrorAt: now,
            lastStatus: error.split(':')[0] ?? 'error',
          })
          .exec()) ?? [];
      const count = Number(failures ?? 1);
      const wait = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(20, count - 1));
      await redis.hset(key(id), 'backoffUntil', now + wait);
      return count;
    },
  };
}

/** Whether a source has gone quiet: nothing new for longer than `idleAfterMinutes`. */
export function isIdle(state: SourceState, idleAfterMinutes: number, now: number): boolean {
  const since = state.lastChangeAt ?? state.firstSeenAt;
  return since !== undefined && now - since > idleAfterMinutes * 60_000;
}

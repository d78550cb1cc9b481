import type { Redis } from '@bulletin/redis';
import { digestKeys } from './keys.js';

/** One edition run: the stories it covers are fixed when it begins, so a resumed run sends the same. */
export interface EditionRun {
  runId: string;
  edition: string;
  /** Publication sequence after which stories count (the watermark when it began). */
  from: number;
  /** The newest publication sequence when it began. */
  to: number;
  /** The run's time, ISO. */
  at: string;
  /** When the run began, ISO (runs begun before it was recorded have none). */
  startedAt?: string;
}

/**
 * Where one subscriber stands in one run:
 * - `claimed`: about to send; the message was never committed, so sending again is safe;
 * - `committing`: the message was committed (SMTP's final dot may be out), result unknown;
 * - `sent`; `failed` (with the reason); `skipped` (nothing new, undeliverable).
 */
export type LedgerState = 'claimed' | 'committing' | 'sent' | 'failed' | 'skipped';

export interface LedgerEntry {
  state: LedgerState;
  messageId: string;
  reason: string;
}

/** What a run did, for operators: counts and reasons, address keys only. */
export interface RunReport {
  runId: string;
  edition: string;
  at: string;
  startedAt?: string;
  finishedAt: string;
  from: number;
  to: number;
  stories: number;
  subscribers: number;
  sent: number;
  skipped: Record<string, number>;
  failed: { key: string; reason: string }[];
  /** Committed by a process that died before it heard back: counted as sent, never resent. */
  inDoubt: string[];
}

const LEDGER_TTL_S = 90 * 86_400;
const SEEN_TTL_S = 180 * 86_400;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

function parseEntry(value: string | null): LedgerEntry | undefined {
  if (value === null) return undefined;
  const [state = '', messageId = '', ...reason] = value.split('|');
  return { state: state as LedgerState, messageId, reason: reason.join('|') };
}

/** The delivery ledger, runs, watermarks, leases and reports of the editions. */
export function createDeliveryLedger(redis: Redis, prefix: string) {
  const keys = digestKeys(prefix);
  const put = (run: EditionRun, key: string, state: LedgerState, messageId: string, reason = '') =>
    redis.hset(
      keys.ledger(run.runId),
      key,
      [state, messageId, reason.replace(/\|/g, '/')].join('|'),
    );
  return {
    /** Takes the edition's lease (one runner at a time). @returns whether it is ours */
    async lease(edition: string, owner: string, ms: number): Promise<boolean> {
      return (await redis.set(keys.lease(edition), owner, 'PX', ms, 'NX')) === 'OK';
    },
    async renew(edition: string, owner: string, ms: number): Promise<boolean> {
      return (await redis.eval(RENEW, 1, keys.lease(edition), owner, ms)) === 1;
    },
    async release(edition: string, owner: string): Promise<void> {
      await redis.eval(RELEASE, 1, keys.lease(edition), owner);
    },
    async watermark(edition: string): Promise<number> {
      return Number((await redis.get(keys.watermark(edition))) ?? 0);
    },
    /** The unfinished run of the edition, or a new one made by `make` (lease holder only). */
    async begin(edition: string, make: (watermark: number) => Promise<EditionRun>) {
      const current = await redis.get(keys.run(edition));
      if (current !== null) return { run: JSON.parse(current) as EditionRun, resumed: true };
      const run = await make(await this.watermark(edition));
      await redis.set(keys.run(edition), JSON.stringify(run));
      return { run, resumed: false };
    },
    /** Closes a run: its watermark becomes the edition's, its report is kept. */
    async finish(run: EditionRun, report: RunReport): Promise<void> {
      await redis
        .multi()
        .set(keys.watermark(run.edition), String(run.to))
        .del(keys.run(run.edition))
        .lpush(keys.reports(run.edition), JSON.stringify(report))
        .ltrim(keys.reports(run.edition), 0, 49)
        .expire(keys.ledger(run.runId), LEDGER_TTL_S)
        .exec();
    },
    /**
     * The edition's unfinished run, if any, and whether a runner holds its lease (running)
     * or none does (interrupted: the next run of the edition resumes it).
     */
    async unfinished(edition: string): Promise<{ run: EditionRun; running: boolean } | undefined> {
      const [[, current] = [], [, held] = []] =
        (await redis.multi().get(keys.run(edition)).exists(keys.lease(edition)).exec()) ?? [];
      if (typeof current !== 'string') return undefined;
      return { run: JSON.parse(current) as EditionRun, running: held === 1 };
    },
    /** The edition's newest finished runs first (the last 50 are kept). */
    async reports(edition: string, count = 10): Promise<RunReport[]> {
      const raw = await redis.lrange(keys.reports(edition), 0, count - 1);
      return raw.map((text) => JSON.parse(text) as RunReport);
    },
    async entry(run: EditionRun, key: string): Promise<LedgerEntry | undefined> {
      return parseEntry(await redis.hget(keys.ledger(run.runId), key));
    },
    async entries(run: EditionRun): Promise<Map<string, LedgerEntry>> {
      const all = await redis.hgetall(keys.ledger(run.runId));
      return new Map(
        Object.entries(all).map(([key, value]) => [key, parseEntry(value) as LedgerEntry]),
      );
    },
    claim: (run: EditionRun, key: string, messageId: string) => put(run, key, 'claimed', messageId),
    commit: (run: EditionRun, key: string, messageId: string) =>
      put(run, key, 'committing', messageId),
    fail: (run: EditionRun, key: string, messageId: string, reason: string) =>
      put(run, key, 'failed', messageId, reason),
    skip: (run: EditionRun, key: string, reason: string) => put(run, key, 'skipped', '', reason),
    /** Records a delivery and the stories it carried, in one step. */
    async sent(run: EditionRun, key: string, messageId: string, storyIds: readonly string[]) {
      const multi = redis.multi().hset(keys.ledger(run.runId), key, `sent|${messageId}|`);
      if (storyIds.length > 0)
        multi.sadd(keys.seen(key), ...storyIds).expire(keys.seen(key), SEEN_TTL_S);
      await multi.exec();
    },
  };
}

export type DeliveryLedger = ReturnType<typeof createDeliveryLedger>;

import { randomUUID } from 'node:crypto';
import { BulletinError } from '@bulletin/errors';
import type { EditionRun, RunReport } from '@bulletin/subscribers';
import type { DigestDeps } from './digest-deps.js';
import { deliverTo, type Outcome } from './deliver.js';
import { newestSequence, storiesBetween } from './edition-stories.js';

export interface RunEditionOptions {
  edition: string;
  /** The run's time: its id, the date in the subject. */
  at: Date;
  /** How long to wait for another runner's lease (a dead one's expires). @defaultValue 2 × leaseMs */
  waitMs?: number;
  /** Subscribers sent to at once. @defaultValue twice the SMTP pool */
  concurrency?: number;
  /** Tries of a message the server answers with a 4xx. @defaultValue 4 */
  attempts?: number;
  /** Called after each subscriber, for progress. */
  onProgress?: (done: number, total: number) => void;
}

/** The edition is not configured, or another runner kept its lease. */
export class EditionError extends BulletinError {}

async function takeLease(deps: DigestDeps, edition: string, owner: string, waitMs: number) {
  const deadline = Date.now() + waitMs;
  while (!(await deps.ledger.lease(edition, owner, deps.leaseMs))) {
    if (Date.now() > deadline) {
      throw new EditionError('DIGEST_BUSY', `edition ${edition} is being run elsewhere`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function tally(run: EditionRun, stories: number, subscribers: number) {
  const report: RunReport = {
    ...run,
    finishedAt: '',
    stories,
    subscribers,
    sent: 0,
    skipped: {},
    failed: [],
    inDoubt: [],
  };
  const add = (key: string, outcome: Outcome) => {
    if (outcome.kind === 'sent') report.sent += 1;
    else if (outcome.kind === 'in-doubt') report.inDoubt.push(key);
    else if (outcome.kind === 'skipped')
      report.skipped[outcome.reason] = (report.skipped[outcome.reason] ?? 0) + 1;
    else report.failed.push({ key, reason: outcome.reason });
  };
  return { report, add };
}

async function eachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Runs one edition: takes its lease, resumes its unfinished run or begins one covering the
 * stories published since its watermark, sends each subscriber at most once through the
 * ledger, then moves the watermark and keeps the report. Safe to start anywhere, any number of
 * times: a second runner waits for the lease, a restart after SIGKILL finishes the same run.
 */
export async function runEdition(deps: DigestDeps, options: RunEditionOptions): Promise<RunReport> {
  const edition = deps.config.digest.editions.find((e) => e.name === options.edition);
  if (!edition) {
    const known = deps.config.digest.editions.map((e) => e.name).join(', ');
    throw new EditionError(
      'DIGEST_UNKNOWN_EDITION',
      `no edition "${options.edition}"; the editions are ${known}`,
      { permanent: true },
    );
  }
  const owner = randomUUID();
  await takeLease(deps, edition.name, owner, options.waitMs ?? deps.leaseMs * 2);
  let lost = false;
  const renewal = setInterval(
    () => {
      deps.ledger.renew(edition.name, owner, deps.leaseMs).then(
        (held) => (lost ||= !held),
        () => undefined,
      );
    },
    Math.max(100, Math.floor(deps.leaseMs / 3)),
  );
  try {
    const { run, resumed } = await deps.ledger.begin(edition.name, async (watermark) => ({
      runId: `${edition.name}-${options.at.getTime()}`,
      edition: edition.name,
      from: watermark,
      to: Math.max(watermark, await newestSequence(deps)),
      at: options.at.toISOString(),
      startedAt: deps.now().toISOString(),
    }));
    const stories = await storiesBetween(deps, run.from, run.to);
    const members = await deps.subscribers.members(edition.name);
    const entries = await deps.ledger.entries(run);
    deps.log.info(
      { runId: run.runId, resumed, stories: stories.length, subscribers: members.length },
      'digest run started',
    );
    const { report, add } = tally(run, stories.length, members.length);
    const context = { deps, run, edition, stories, attempts: options.attempts ?? 4 };
    let done = 0;
    await eachLimit(
      members,
      options.concurrency ?? deps.config.digest.smtpPoolSize * 2,
      async (key) => {
        if (lost)
          throw new EditionError('DIGEST_LEASE_LOST', `lost the lease of edition ${edition.name}`);
        add(key, await deliverTo(context, key, entries.get(key)));
        options.onProgress?.(++done, members.length);
      },
    );
    report.finishedAt = deps.now().toISOString();
    await deps.ledger.finish(run, report);
    const { failed, inDoubt, ...counts } = report;
    deps.log.info(
      { ...counts, failed: failed.length, inDoubt: inDoubt.length },
      'digest run finished',
    );
    return report;
  } finally {
    clearInterval(renewal);
    await deps.ledger.release(edition.name, owner).catch(() => undefined);
  }
}

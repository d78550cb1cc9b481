import type { BulletinMetrics } from './metrics.js';

/**
 * A bounded label for a free-text rejection reason: its head (before any `:` or `(`), numbers
 * folded, at most 40 characters, so one odd feed cannot mint a series per item.
 * @example reasonLabel('duplicate of item 3 (same guid/id)') === 'duplicate of item N'
 */
export function reasonLabel(reason: string): string {
  const head = reason.split(/[:(]/, 1)[0] ?? '';
  const label = head.toLowerCase().replace(/\d+/g, 'N').replace(/\s+/g, ' ').trim().slice(0, 40);
  return label === '' ? 'unknown' : label;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function countIngest(metrics: BulletinMetrics, result: Record<string, unknown>, source: string) {
  if (Array.isArray(result['stories'])) {
    metrics.storiesIngested.inc({ source }, result['stories'].length);
  }
  if (!Array.isArray(result['rejected'])) return;
  for (const rejection of result['rejected'] as unknown[]) {
    const reason = isObject(rejection) ? String(rejection['reason'] ?? '') : '';
    metrics.storiesRejected.inc({ reason: reasonLabel(reason) });
  }
}

const PUBLISH_OUTCOMES: Record<string, keyof BulletinMetrics | undefined> = {
  published: 'storiesPublished',
  updated: 'storiesUpdated',
  duplicate: 'storiesDeduplicated',
  copy: 'storiesDeduplicated',
  killed: 'storiesKilled',
};

/** Poll outcomes that mean the source answered (a 200, a 304, an identical body). */
const POLL_SUCCESSES = new Set(['changed', 'not-modified', 'unchanged']);

function countPoll(
  metrics: BulletinMetrics,
  result: Record<string, unknown>,
  source: string,
  atMs: number | undefined,
) {
  if (result['outcome'] === 'failed') metrics.sourcePollErrors.inc({ source });
  else if (POLL_SUCCESSES.has(String(result['outcome']))) metrics.sourcePolled(source, atMs);
}

/**
 * Counts what one completed job did, read from its processor's result: the ingest stage's
 * `{stories, rejected}`, the enrich stage's tagged story, the publish stage's `outcome`, the
 * poll stage's `outcome` (a failed fetch completes the job: the source backs off instead). One
 * place, fed by the worker wrapper, so no processor carries metrics code.
 * @param source the wire source of an ingest job, or the polled source of a poll job.
 * @param atMs when the job finished (epoch ms): a successful poll's time (default: the
 * metrics' clock).
 */
export function countOutcome(
  metrics: BulletinMetrics,
  stage: string,
  result: unknown,
  source = 'unknown',
  atMs?: number,
): void {
  if (!isObject(result)) return;
  if (stage === 'ingest') countIngest(metrics, result, source);
  else if (stage === 'poll') countPoll(metrics, result, source, atMs);
  else if (stage === 'enrich') metrics.storiesEnriched.inc();
  else if (stage === 'publish') {
    const key = PUBLISH_OUTCOMES[String(result['outcome'])];
    if (key !== undefined) (metrics[key] as BulletinMetrics['storiesPublished']).inc();
  }
}

import type { DeliveryLedger, EditionRun, RunReport } from '@bulletin/subscribers';

/**
 * One digest run as `bulletin status` shows it. `running`: a runner holds the edition's lease;
 * `interrupted`: begun, unfinished, no runner (the edition's next run resumes it); `ok`:
 * finished with every message sent; `partial`: finished with some failed or in doubt.
 */
export interface DigestRunStatus {
  edition: string;
  runId: string;
  status: 'running' | 'interrupted' | 'ok' | 'partial';
  /** The run's time (the slot it was run for), ISO. */
  at: string;
  startedAt?: string;
  finishedAt?: string;
  stories?: number;
  sent?: number;
  failed?: number;
  inDoubt?: number;
}

function unfinishedRow(run: EditionRun, running: boolean): DigestRunStatus {
  return {
    edition: run.edition,
    runId: run.runId,
    status: running ? 'running' : 'interrupted',
    at: run.at,
    ...(run.startedAt ? { startedAt: run.startedAt } : {}),
  };
}

function finishedRow(report: RunReport): DigestRunStatus {
  const troubled = report.failed.length > 0 || report.inDoubt.length > 0;
  return {
    edition: report.edition,
    runId: report.runId,
    status: troubled ? 'partial' : 'ok',
    at: report.at,
    ...(report.startedAt ? { startedAt: report.startedAt } : {}),
    finishedAt: report.finishedAt,
    stories: report.stories,
    sent: report.sent,
    failed: report.failed.length,
    inDoubt: report.inDoubt.length,
  };
}

/** Each edition's unfinished run, if any, then its last `perEdition` finished runs, newest first. */
export async function lastDigestRuns(
  ledger: Pick<DeliveryLedger, 'unfinished' | 'reports'>,
  editions: readonly string[],
  perEdition = 3,
): Promise<DigestRunStatus[]> {
  const rows: DigestRunStatus[] = [];
  for (const edition of editions) {
    const open = await ledger.unfinished(edition);
    if (open) rows.push(unfinishedRow(open.run, open.running));
    for (const report of await ledger.reports(edition, perEdition)) rows.push(finishedRow(report));
  }
  return rows;
}

const time = (iso: string | undefined) => (iso ? iso.slice(0, 19) + 'Z' : '-');
const count = (value: number | undefined) => (value === undefined ? '-' : String(value));

/** The runs as the columns of a table, header first. */
export function digestRunCells(rows: readonly DigestRunStatus[]): string[][] {
  const head = ['EDITION', 'RUN', 'STATUS', 'STARTED', 'FINISHED', 'SENT', 'FAILED', 'IN DOUBT'];
  return [
    head,
    ...rows.map((row) => [
      row.edition,
      row.runId,
      row.status,
      time(row.startedAt ?? row.at),
      time(row.finishedAt),
      count(row.sent),
      count(row.failed),
      count(row.inDoubt),
    ]),
  ];
}

import { parseArgs } from 'node:util';
import type { Job, Queue } from 'bullmq';
import type { CliIo } from '../cli-io.js';
import { withQueues } from './operator-queues.js';

const PAGE = 500;

async function failedJobs(queue: Queue): Promise<Job[]> {
  const jobs: Job[] = [];
  for (let start = 0; ; start += PAGE) {
    const page = await queue.getFailed(start, start + PAGE - 1);
    jobs.push(...page);
    if (page.length < PAGE) return jobs;
  }
}

/**
 * `bulletin failed list [QUEUE]`, `failed retry [QUEUE] [--all|ID…]`, `failed remove [QUEUE]
 * [--all|ID…]`; `--json` on each. Retry and remove name the jobs they touched.
 */
export async function runFailed(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, all: { type: 'boolean' } },
  });
  const [action, queueName, ...ids] = positionals;
  if (!['list', 'retry', 'remove'].includes(action ?? '')) {
    io.stderr('bulletin: failed needs list, retry or remove');
    return 2;
  }
  if (action !== 'list' && ids.length === 0 && !values.all) {
    io.stderr(`bulletin: failed ${action} needs job ids or --all`);
    return 2;
  }
  return withQueues(io, async (queues) => {
    const picked = queues.pick(queueName);
    const rows: { queue: string; id: string; attempts: number; reason: string }[] = [];
    for (const queue of picked) {
      const jobs = (await failedJobs(queue)).filter(
        (job) => values.all || action === 'list' || ids.includes(job.id ?? ''),
      );
      for (const [index, job] of jobs.entries()) {
        if (action === 'retry') await job.retry('failed');
        if (action === 'remove') await job.remove();
        if (action !== 'list' && !values.json && (index + 1) % 100 === 0)
          io.stderr(`bulletin: ${queue.name}: ${index + 1}/${jobs.length}`);
        rows.push({
          queue: queue.name,
          id: job.id ?? '',
          attempts: job.attemptsMade,
          reason: job.failedReason,
        });
      }
    }
    if (values.json) io.stdout(JSON.stringify({ action, jobs: rows }));
    else if (rows.length === 0) io.stdout('no failed jobs');
    else
      for (const row of rows) io.stdout(`${row.queue}\t${row.id}\t${row.attempts}\t${row.reason}`);
    if (action !== 'list' && !values.json)
      io.stderr(`bulletin: ${action === 'retry' ? 'retried' : 'removed'} ${rows.length}`);
    return 0;
  });
}

/** Bench systems laid out as separate processes: bulletin's role apps, or raw stages. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { IngestJobData } from '@bulletin/contracts';
import { createPipelineQueues } from '@bulletin/queues';
import { createRedisConnection, queuePrefix } from '@bulletin/redis';
import type { Logger } from '@bulletin/runtime';
import { imageProcess, REPO_ROOT, type AppName } from '@bulletin/roles/testing';
import { storeKeys } from '@bulletin/store';
import { Queue } from 'bullmq';
import type { BenchSystem } from './system.js';

/** Peak resident memory of a process, MB (VmHWM). */
export function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Math.round(Number(kb) / 1024);
  } catch {
    return NaN;
  }
}

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

export interface ProcessSystem extends BenchSystem {
  /** Peak resident memory per process, MB, by name. */
  peaks(): Record<string, number>;
}

let port = 3900;

/** bulletin with each named role in a process of its own (`enrich` may appear twice). */
export async function startRoleProcesses(
  redisUrl: string,
  prefix: string,
  roles: AppName[],
  payloads: readonly string[],
  concurrency: number,
  log: Logger,
): Promise<ProcessSystem> {
  const c = String(concurrency);
  const env = {
    REDIS_URL: redisUrl,
    BULLETIN_PREFIX: prefix,
    REDIS_AUTOSTART: 'false',
    LOG_LEVEL: 'warn',
    INGEST_CONCURRENCY: c,
    ENRICH_CONCURRENCY: c,
    INDEX_CONCURRENCY: c,
    FEED_RATE_LIMIT: '0',
  };
  // Each role runs as production runs it: its app's bundle under the image's heap bounds.
  const children = roles.map((role) => {
    const image = imageProcess(role);
    return { role, child: start(image.args, { ...env, ...image.env, PORT: String(port++) }) };
  });
  const connection = createRedisConnection(redisUrl, { role: 'worker', name: 'bench-submit', log });
  const queues = createPipelineQueues({ connection, prefix, log, attempts: 8 });
  await waitUntil(
    async () =>
      (await Promise.all(children.map(({ child }) => child.exitCode === null))).every(Boolean) &&
      (await workersConnected(connection, roles.filter((role) => role !== 'http').length)),
  );
  const allFeed = storeKeys(prefix).feedByDate('all');
  const source = { id: 'bench', name: 'Bench wire' };
  return {
    async submit(indexes) {
      await queues.add(
        'ingest',
        indexes.map((index): IngestJobData => ({
          source,
          receivedAt: '2014-11-18T00:00:00.000Z',
          encoding: 'utf8',
          payload: payloads[index] ?? '',
        })),
      );
    },
    onDone: () => Promise.reject(new Error('latency is measured in one process')),
    countDone: () => connection.zcard(allFeed),
    peaks: () =>
      Object.fromEntries(
        children.map(({ role, child }, i) => [
          `${role}${roles.indexOf(role) === i ? '' : `#${i}`}`,
          peakRssMb(child.pid),
        ]),
      ),
    async stop() {
      await stopAll(children.map(({ child }) => child));
      await queues.close();
      connection.disconnect();
    },
  };
}

/** The raw chain with each stage in a process of its own, `copies[i]` processes for stage i. */
export async function startRawProcesses(
  redisUrl: string,
  prefix: string,
  copies: number[],
  payloads: readonly string[],
  concurrency: number,
  log: Logger,
): Promise<ProcessSystem> {
  const children = copies.flatMap((count, stage) =>
    Array.from({ length: count }, () =>
      start(
        [
          '--import',
          'tsx',
          'bench/support/raw-stage.ts',
          String(stage + 1),
          prefix,
          String(concurrency),
        ],
        {
          REDIS_URL: redisUrl,
        },
      ),
    ),
  );
  const connection = createRedisConnection(redisUrl, { role: 'worker', name: 'bench-raw', log });
  const first = new Queue('raw-1', { connection, prefix: queuePrefix(prefix, 'raw-1') });
  const last = new Queue('raw-3', { connection, prefix: queuePrefix(prefix, 'raw-3') });
  await waitUntil(() => workersConnected(connection, children.length));
  return {
    async submit(indexes) {
      await first.addBulk(
        indexes.map((index) => ({ name: 'raw', data: { index, payload: payloads[index] ?? '' } })),
      );
    },
    onDone: () => Promise.reject(new Error('latency is measured in one process')),
    // Jobs the last stage has finished: every id it handed out, less those still to run.
    async countDone() {
      const made = Number((await connection.get(`${queuePrefix(prefix, 'raw-3')}:raw-3:id`)) ?? 0);
      const counts = await last.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return made - Object.values(counts).reduce((a, b) => a + b, 0);
    },
    peaks: () => Object.fromEntries(children.map((child, i) => [`raw-${i}`, peakRssMb(child.pid)])),
    async stop() {
      await stopAll(children);
      await first.close();
      await last.close();
      connection.disconnect();
    },
  };
}

/** True once `count` BullMQ workers (blocking connections) are connected. */
async function workersConnected(
  redis: ReturnType<typeof createRedisConnection>,
  count: number,
): Promise<boolean> {
  const clients = (await redis.client('LIST')) as string;
  return (
    clients
      .split('\n')
      .filter(
        (line) =>
          line.includes('cmd=bzpopmin') ||
          line.includes('cmd=brpoplpush') ||
          line.includes('cmd=blmove'),
      ).length >= count
  );
}

async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('bench processes did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A flood of malformed payloads mixed into good ones: every good story is published once, every
 * bad payload lands in the failed set at once (no retries) with the error code that says why,
 * and the process's resident memory stays bounded while it chews through them.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { IngestJobData } from '@bulletin/contracts';
import { redisServerInstalled, uniquePrefix } from '@bulletin/redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApp, type RunningApp } from '../support/app-process.js';
import { tally } from '../support/exactly-once.js';
import { probePipeline, type PipelineProbe } from '../support/pipeline-state.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { buildLoad } from '../support/wire-stories.js';

const installed = redisServerInstalled();
const prefix = uniquePrefix('flood');
const SOURCE = { id: 'flood', name: 'Hostile wire' };
const BAD_PER_KIND = 400;
let redis: TestRedis;
let probe: PipelineProbe;
let app: RunningApp | undefined;

/** Payloads no parser can make a story of, each kind with the code its failure must carry. */
const BAD_KINDS: { kind: string; code: RegExp; job: (i: number) => IngestJobData }[] = [
  { kind: 'empty', code: /^WIRE_EMPTY/, job: () => bad('') },
  { kind: 'blank', code: /^WIRE_EMPTY/, job: (i) => bad(' \n\t'.repeat(1 + (i % 50))) },
  {
    kind: 'binary',
    code: /^WIRE_BINARY/,
    job: (i) => ({ ...bad(''), encoding: 'base64', payload: binary(i) }),
  },
  {
    kind: 'unknown XML',
    code: /^WIRE_UNRECOGNISED/,
    job: (i) => bad(`<?xml version="1.0"?><invoice n="${i}"><total>5</total></invoice>`),
  },
  {
    kind: 'feed without items',
    code: /^WIRE_NO_ITEMS/,
    job: (i) =>
      bad(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Empty ${i}</title>` +
          '<link>https://example.gov.uk/</link><description>none</description></channel></rss>',
      ),
  },
];

function bad(payload: string): IngestJobData {
  return { source: SOURCE, receivedAt: '2014-11-18T00:00:00.000Z', encoding: 'utf8', payload };
}

/** 64 KiB of noise with NUL bytes in it: nothing a wire sends as text. */
function binary(i: number): string {
  const bytes = randomBytes(64 * 1024);
  bytes[i % bytes.length] = 0;
  bytes[0] = 0;
  return bytes.toString('base64');
}

function residentMb(pid: number): number {
  return (
    Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    ) / 1024
  );
}

beforeAll(async () => {
  if (!installed) return;
  redis = await startTestRedis();
  probe = probePipeline(redis.url, prefix);
});
afterAll(async () => {
  if (!installed) return;
  if (app && app.child.exitCode === null) await app.stop();
  await probe.close();
  await redis.stop();
});

describe.skipIf(!installed)('a flood of malformed payloads among good ones', () => {
  it('publishes every good story, fails every bad payload with its reason, in bounded memory', async () => {
    const good = await buildLoad(400, 0, 'flood');
    const badJobs = BAD_KINDS.flatMap(({ job }) =>
      Array.from({ length: BAD_PER_KIND }, (_, i) => job(i)),
    );
    // Good stories spread evenly through the flood.
    const stride = Math.ceil(badJobs.length / good.jobs.length);
    const jobs = badJobs.flatMap((job, i) => {
      const goodJob = i % stride === 0 ? good.jobs[i / stride] : undefined;
      return goodJob ? [goodJob, job] : [job];
    });
    expect(jobs).toHaveLength(badJobs.length + good.jobs.length);
    app = await spawnApp(redis.url, prefix);
    const pid = app.child.pid ?? 0;
    const samples: number[] = [residentMb(pid)];
    const sampler = setInterval(() => samples.push(residentMb(pid)), 250);
    try {
      for (let i = 0; i < jobs.length; i += 100) {
        await probe.queues.add('ingest', jobs.slice(i, i + 100));
      }
      await probe.drained(120_000);
    } finally {
      clearInterval(sampler);
    }

    const counts = await tally(probe, good.ids);
    expect({ ...counts, failed: 0 }).toEqual({
      inAll: good.ids.length,
      missing: [],
      unexpected: [],
      doubled: [],
      topicMismatches: [],
      failed: 0,
      unfinished: 0,
    });
    const failed = await probe.queues.queue('ingest').getJobs(['failed'], 0, -1);
    expect(failed).toHaveLength(badJobs.length);
    expect(counts.failed).toBe(badJobs.length);
    for (const { kind, code } of BAD_KINDS) {
      const ofKind = failed.filter((job) => code.test(job.failedReason));
      expect(ofKind.length, `${kind} failures with ${code}`).toBe(BAD_PER_KIND);
    }
    // Refused at once: a bad payload is not retried.
    expect(failed.every((job) => job.attemptsMade === 1)).toBe(true);

    const third = Math.floor(samples.length / 3);
    const early = Math.max(...samples.slice(0, Math.max(third, 1)));
    const late = Math.max(...samples.slice(-Math.max(third, 1)));
    expect(Math.max(...samples)).toBeLessThan(400);
    expect(late - early, `resident MB early ${early}, late ${late}`).toBeLessThan(64);
    expect(await app.stop()).toBe(0);
  });
});

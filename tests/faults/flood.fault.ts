/**
 * A flood of malformed payloads mixed into good ones: every good story is published once, every
 * bad payload lands in the failed set at once (no retries) with the error code that says why,
 * and the process's resident memory stays bounded while it chews through them.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IngestJobData } from '@bulletin/contracts';
import { uniquePrefix } from '@bulletin/redis/testing';
import { describe, expect, it } from 'vitest';
import { spawnApp, type RunningApp } from '../support/app-process.js';
import { tally } from '../support/exactly-once.js';
import { faultStage, redisServerPresent } from '../support/fault-stage.js';
import { buildLoad } from '../support/wire-stories.js';

const prefix = uniquePrefix('flood');
const SOURCE = { id: 'flood', name: 'Hostile wire' };
const BAD_PER_KIND = 400;
const ROUNDS = 4;
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

/** Peak resident memory of a process so far, MB (VmHWM). */
function peakMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024);
}

const stage = faultStage(prefix, async () => {
  if (app && app.child.exitCode === null) await app.stop();
});

describe.skipIf(!redisServerPresent)('a flood of malformed payloads among good ones', () => {
  it('publishes every good story, fails every bad payload with its reason, in bounded memory', async () => {
    const { redis, probe } = stage;
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
    // The flood in rounds, each drained before the next: a leak grows the peak every round,
    // while a warming heap grows it in the first rounds and then stops.
    const peaks: number[] = [];
    const round = Math.ceil(jobs.length / ROUNDS);
    for (let start = 0; start < jobs.length; start += round) {
      const slice = jobs.slice(start, start + round);
      for (let i = 0; i < slice.length; i += 100) {
        await probe.queues.add('ingest', slice.slice(i, i + 100));
      }
      await probe.drained(120_000);
      peaks.push(peakMb(pid));
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

    console.log(`flood: peak resident MB after each round ${peaks.join(', ')}`);
    expect(Math.max(...peaks)).toBeLessThan(400);
    const [, , third = 0, fourth = 0] = peaks;
    expect(fourth - third, `peak resident MB per round: ${peaks.join(', ')}`).toBeLessThan(24);
    expect(await app.stop()).toBe(0);
  });
});

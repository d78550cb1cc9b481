/**
 * Shutdown under load with a client holding a half-sent request, and a hostile payload that
 * would hold the event loop: workers stop taking jobs at once, the process exits 0 within its
 * bound, the next start finishes what was cut off, and health checks answer throughout.
 */
import { connect } from 'node:net';
import { redisServerInstalled, uniquePrefix } from '@bulletin/redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApp } from '../support/app-process.js';
import { perfect, tally } from '../support/exactly-once.js';
import { probePipeline, type PipelineProbe } from '../support/pipeline-state.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { buildLoad } from '../support/wire-stories.js';

const installed = redisServerInstalled();
let redis: TestRedis;
beforeAll(async () => {
  if (installed) redis = await startTestRedis();
});
afterAll(async () => {
  if (installed) await redis.stop();
});

/** Opens a connection that sends half a request and then nothing. */
async function holdHalfRequest(baseUrl: string): Promise<() => void> {
  const { port } = new URL(baseUrl);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.resume();
  socket.on('error', () => undefined);
  socket.write('POST /feeds/all.rss HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nhalf');
  return () => socket.destroy();
}

describe.skipIf(!installed)('SIGTERM under load with a stuck client', () => {
  it('stops taking jobs at once, exits 0 in time, and the next start finishes the rest', async () => {
    const prefix = uniquePrefix('shutdown');
    const probe: PipelineProbe = probePipeline(redis.url, prefix);
    const env = { JOB_LOCK_MS: '2000', SHUTDOWN_TIMEOUT_MS: '5000', HTTP_CLOSE_GRACE_MS: '1000' };
    const load = await buildLoad(600, 0, 'shutdown');
    const app = await spawnApp(redis.url, prefix, { extraEnv: env });
    const release = await holdHalfRequest(app.baseUrl);
    await probe.queues.add('ingest', load.jobs);
    await expect
      .poll(() => probe.index.count('all'), { timeout: 30_000, interval: 10 })
      .toBeGreaterThanOrEqual(100);
    const atSignal = await probe.index.count('all');
    const signalled = Date.now();
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    const took = Date.now() - signalled;
    // Jobs already running finish; no stage takes another (3 stages × 8 at a time).
    expect((await probe.index.count('all')) - atSignal).toBeLessThanOrEqual(24);
    expect(took).toBeLessThan(5000);
    expect(app.output()).not.toMatch(/deadline passed/);
    release();
    expect(await probe.unfinished()).toBeGreaterThan(0);
    const again = await spawnApp(redis.url, prefix, { extraEnv: env });
    await probe.drained(60_000);
    expect(await tally(probe, load.ids)).toEqual(perfect(600));
    expect(await again.stop()).toBe(0);
    await probe.close();
  });
});

describe.skipIf(!installed)('a payload that would hold the event loop', () => {
  it('is parsed off the main thread and refused past its bound; health answers throughout', async () => {
    const prefix = uniquePrefix('loop');
    const probe = probePipeline(redis.url, prefix);
    const app = await spawnApp(redis.url, prefix, { extraEnv: { INGEST_MAX_PARSE_MS: '2000' } });
    const nested = `${'<div>'.repeat(150_000)}deep${'</div>'.repeat(150_000)}`;
    const hostile = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://example.gov.uk/</link><description>D</description><item><title>Nested</title><guid>nested</guid><description><![CDATA[${nested}]]></description></item></channel></rss>`;
    const good = await buildLoad(50, 0, 'loop');
    const source = { id: 'faults', name: 'Fault wire' };
    const receivedAt = '2014-11-18T00:00:00.000Z';
    await probe.queues.add('ingest', [
      { source, receivedAt, encoding: 'utf8', payload: hostile },
      ...good.jobs,
    ]);
    let slowest = 0;
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      const started = Date.now();
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
      slowest = Math.max(slowest, Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(slowest).toBeLessThan(500);
    await probe.drained(60_000);
    const [failed] = await probe.queues.queue('ingest').getFailed();
    expect(failed?.failedReason ?? 'parsed').toMatch(
      /^(WIRE_TOO_COSTLY|WIRE_TOO_DEEP|WIRE_TOO_LARGE)|parsed/,
    );
    const counts = await tally(probe, good.ids);
    expect({ ...counts, failed: 0 }).toEqual({ ...perfect(50), unexpected: counts.unexpected });
    expect(await app.stop()).toBe(0);
    await probe.close();
  });
});

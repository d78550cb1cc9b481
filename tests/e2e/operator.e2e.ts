/**
 * What an operator sees of the real app: the example story counted on /metrics as it goes
 * through, and the dashboard behind its token, from a production-mode process.
 */
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { fixturePath, SEED_FIXTURE } from '@bulletin/wire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnApp, type RunningApp } from '../support/app-process.js';
import { probePipeline } from '../support/pipeline-state.js';

const available = await redisAvailable();
const prefix = uniquePrefix('operator');
let app: RunningApp;

beforeAll(async () => {
  if (!available) return;
  app = await spawnApp(TEST_REDIS_URL, prefix, {
    extraEnv: {
      NODE_ENV: 'production',
      ADMIN_TOKEN: 'op-token',
      DIGEST_TOKEN_SECRET: 'operator-test-secret-of-32-characters-or-more',
      LOG_LEVEL: 'info',
    },
  });
});
afterAll(async () => {
  if (!available) return;
  await app.stop();
  await deleteKeys(TEST_REDIS_URL, prefix);
});

/** The JSON log lines so far; a line still arriving (cut mid-chunk) is left for later. */
function jsonLines(text: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.startsWith('{')) continue;
    try {
      lines.push(JSON.parse(raw) as Record<string, unknown>);
    } catch {
      // Incomplete.
    }
  }
  return lines;
}

const line = (text: string, name: string) =>
  text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));

describe.skipIf(!available)('the operator view of a running bulletin', () => {
  it('counts the example story on /metrics as it flows', async () => {
    const run = await runCli(['ingest', fixturePath(SEED_FIXTURE)], app.env);
    expect(run.code).toBe(0);
    const probe = probePipeline(TEST_REDIS_URL, prefix);
    await probe.drained();
    await probe.close();
    await expect
      .poll(async () =>
        line(
          await (await fetch(`${app.baseUrl}/metrics`)).text(),
          'bulletin_stories_published_total',
        ),
      )
      .toBe('bulletin_stories_published_total 1');
    const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(line(text, 'bulletin_stories_enriched_total')).toBe('bulletin_stories_enriched_total 1');
    expect(text).toMatch(/bulletin_stories_ingested_total\{source="[^"]+"\} 1/);
    expect(text).toContain('bulletin_queue_jobs{queue="enrich",state="completed"} 1');
    expect(text).toContain('bulletin_jobs_total{queue="publish",status="completed"} 1');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('counts a feed document rendered once, not each time it is served', async () => {
    const renders = async () =>
      line(await (await fetch(`${app.baseUrl}/metrics`)).text(), 'bulletin_feed_renders_total');
    expect((await fetch(`${app.baseUrl}/feeds/all.json`)).status).toBe(200);
    await expect.poll(renders).toMatch(/^bulletin_feed_renders_total\{format="json"\} \d+$/);
    const once = await renders();
    expect((await fetch(`${app.baseUrl}/feeds/all.json`)).status).toBe(200);
    expect(await renders()).toBe(once);
  });

  it('logs each story’s way as JSON lines with its ids, and the start', () => {
    const lines = jsonLines(app.output());
    const started = lines.find((l) => String(l['msg']).startsWith('started '));
    expect(started).toMatchObject({ level: 30, redis: expect.any(String), prefix });
    expect(String(started?.['http'])).toBe(app.baseUrl);
    const step = (msg: string) => lines.find((l) => l['msg'] === msg);
    const ingested = step('ingested');
    expect(ingested).toMatchObject({
      queue: 'ingest',
      jobId: expect.any(String),
      storyId: expect.any(String),
      source: expect.any(String),
    });
    const id = ingested?.['storyId'];
    expect(step('tagged')).toMatchObject({
      queue: 'enrich',
      storyId: id,
      topics: expect.any(Array),
    });
    expect(step('published')).toMatchObject({
      queue: 'publish',
      storyId: id,
      jobId: expect.any(String),
      feeds: expect.arrayContaining(['all']),
    });
  });

  it('serves the dashboard only with the admin token', async () => {
    expect((await fetch(`${app.baseUrl}/admin/queues`)).status).toBe(401);
    const page = await fetch(`${app.baseUrl}/admin/queues`, {
      headers: { authorization: 'Bearer op-token' },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('static/js/main');
  });

  it('logs the shutdown and each of its steps, then exits 0', async () => {
    const code = await app.stop();
    const logged = () => jsonLines(app.output());
    // The last lines may reach the pipe just after the exit event.
    const stopped = () => logged().find((l) => String(l['msg']).startsWith('stopped'));
    await expect.poll(stopped, { timeout: 10_000 }).toBeDefined();
    expect([code, stopped()?.['code']], app.output().slice(-4000)).toEqual([0, 0]);
    const lines = logged();
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'shutting down', reason: 'SIGTERM' }),
    );
    const steps = lines.filter((l) => l['msg'] === 'shutdown step done').map((l) => l['step']);
    expect(steps).toEqual(expect.arrayContaining(['http server', 'ingest worker', 'queues']));
  });
});

/**
 * The sources of a bulletin.config.yaml, end to end against the real app, Redis and HTTP: a
 * feed polled from a local wire server reaches the `all` feed and `bulletin sources` shows its
 * state; a push with a bearer token and a file dropped in a watched folder reach it too; the
 * same story reworded by another source is recorded as a copy, not published again; a replay of
 * a kept payload adds nothing.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { conditionalRoute, startWireServer, type WireServer } from '@bulletin/sources-io/testing';
import { parseWire } from '@bulletin/wire';
import { readFixture, SEED_FIXTURE } from '@bulletin/wire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, runCli, startApp, type RunningApp } from '../support/app-process.js';
import { probePipeline, type PipelineProbe } from '../support/pipeline-state.js';

const available = await redisAvailable();
const prefix = uniquePrefix('sources');
const TOKEN = 'e2e-push-token-0123456789';
const SEED_HEADLINE = 'Circumstances that led to Rotherham child abuse exist in other councils';
const scratch = mkdtempSync(join(tmpdir(), 'bulletin-sources-'));
const inbox = join(scratch, 'inbox');
let wire: WireServer;
let app: RunningApp;
let probe: PipelineProbe;

const allTitles = async () => {
  const feed = (await (await fetch(`${app.baseUrl}/feeds/all.json`)).json()) as {
    items: { title: string }[];
  };
  return feed.items.map((item) => item.title);
};

beforeAll(async () => {
  wire = await startWireServer();
  wire.route(
    '/news.rss',
    conditionalRoute(readFixture('rss/normal.xml').toString(), '"westmere-1"'),
  );
  if (!available) return;
  writeFileSync(
    join(scratch, 'bulletin.config.yaml'),
    `sources:
  - { id: westmere, kind: feed, name: Westmere City Council, url: '${wire.url}/news.rss', intervalSeconds: 1 }
  - { id: partner, kind: push, name: Partner CMS, tokenEnv: E2E_PUSH_TOKEN }
  - { id: drop, kind: folder, name: Drop folder, path: inbox }
`,
  );
  app = await startApp(TEST_REDIS_URL, prefix, {
    BULLETIN_CONFIG: join(scratch, 'bulletin.config.yaml'),
    E2E_PUSH_TOKEN: TOKEN,
    FOLDER_RESCAN_MS: '300',
    // The test reads the all feed every 50 ms while it waits.
    FEED_RATE_LIMIT: '0',
  });
  probe = probePipeline(TEST_REDIS_URL, prefix);
});
afterAll(async () => {
  await wire.close();
  rmSync(scratch, { recursive: true, force: true });
  if (!available) return;
  await probe.close();
  await app.stop();
  await deleteKeys(TEST_REDIS_URL, prefix);
});

describe.skipIf(!available)('sources from bulletin.config.yaml', () => {
  it('polls the feed into the all feed, then 304s, and bulletin sources shows its state', async () => {
    const titles = await eventually(
      async () => ((await allTitles()).length >= 3 ? allTitles() : undefined),
      20_000,
    );
    expect(titles).toContain('Westmere to plant 20,000 trees in urban forest scheme');
    await eventually(async () =>
      wire.requests.some((r) => r.headers['if-none-match'] === '"westmere-1"') ? true : undefined,
    );
    const run = await runCli(['sources', '--json'], app.env);
    expect(run.code).toBe(0);
    const sources = JSON.parse(run.stdout) as {
      id: string;
      state: Record<string, unknown>;
      idle: boolean;
    }[];
    expect(sources.map((s) => s.id)).toEqual(['westmere', 'partner', 'drop']);
    expect(sources[0]).toMatchObject({
      idle: false,
      state: { consecutiveFailures: 0, lastStories: 3 },
    });
    expect(['200', '304']).toContain(sources[0]?.state['lastStatus']);
    expect(run.stdout).not.toContain(TOKEN);
    const table = await runCli(['sources'], app.env);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+KIND\s+STATUS\s+LAST SUCCESS\s+FAILS/);
    const poll = await runCli(['poll', 'westmere'], app.env);
    expect([poll.code, poll.stdout.trim()]).toEqual([
      0,
      'westmere: 304 not modified, nothing queued',
    ]);
  });

  it('takes a push with its token (202 and the story id) into the all feed', async () => {
    const response = await fetch(`${app.baseUrl}/ingest/partner`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain; charset=utf-8' },
      body: readFixture(SEED_FIXTURE).toString(),
    });
    expect(response.status).toBe(202);
    const { stories } = (await response.json()) as { stories: string[] };
    expect(stories).toHaveLength(1);
    await eventually(
      async () => ((await allTitles()).includes(SEED_HEADLINE) ? true : undefined),
      15_000,
    );
    const story = await fetch(`${app.baseUrl}/stories/${stories[0]}`);
    expect(story.status).toBe(200);
    expect(
      (await fetch(`${app.baseUrl}/ingest/partner`, { method: 'POST', body: 'x' })).status,
    ).toBe(401);
  });

  it('ingests a dropped file into done/ and refuses an empty one into error/ with its reason', async () => {
    writeFileSync(
      join(inbox, 'council.txt'),
      readFixture('text/northfield-council-budget-2025-02-18.txt'),
    );
    writeFileSync(join(inbox, 'blank.txt'), '\n');
    await eventually(
      async () => (existsSync(join(inbox, 'done', 'council.txt')) ? true : undefined),
      15_000,
    );
    await eventually(async () =>
      existsSync(join(inbox, 'error', 'blank.txt.reason')) ? true : undefined,
    );
    expect(
      readdirSync(inbox)
        .filter((name) => !name.startsWith('.'))
        .sort(),
    ).toEqual(['done', 'error']);
  });

  it('records the pushed story reworded by another source as a copy: in no feed, its page points to the first', async () => {
    const retitled = 'MPs warn Rotherham failings could be repeated elsewhere';
    const copy = readFixture(SEED_FIXTURE)
      .toString()
      .replace(SEED_HEADLINE, retitled)
      .replace(/ said /, ' told reporters ')
      .replace(/ the /, ' a ');
    const parse = async (text: string, id: string) =>
      (
        await parseWire({
          bytes: text,
          source: { id, name: id },
          receivedAt: new Date().toISOString(),
        })
      ).stories[0];
    const [first, again] = [
      await parse(readFixture(SEED_FIXTURE).toString(), 'partner'),
      await parse(copy, 'drop'),
    ];
    expect(again?.textHash).not.toBe(first?.textHash);
    writeFileSync(join(inbox, 'reworded.txt'), copy);
    await eventually(
      async () => (existsSync(join(inbox, 'done', 'reworded.txt')) ? true : undefined),
      15_000,
    );
    await probe.drained();
    const page = await fetch(`${app.baseUrl}/stories/${again?.id}`, { redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([301, `/stories/${first?.id}`]);
    const titles = await allTitles();
    expect(titles.filter((title) => title === SEED_HEADLINE)).toHaveLength(1);
    expect(titles).not.toContain(retitled);
    expect(await probe.failed()).toBe(0);
  });

  it('refuses to start with a bad sources file, naming the file, the source and the field', async () => {
    const bad = join(scratch, 'bad.yaml');
    writeFileSync(
      bad,
      'sources:\n  - { id: pa, kind: feed, name: PA, url: "ftp://wire.example/feed" }\n',
    );
    const run = await runCli(['start'], { ...app.env, BULLETIN_CONFIG: bad });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `bulletin: CONFIG_INVALID: ${bad}: source "pa", field url: must be an http(s) URL`,
    );
  });

  it('replays a kept payload through the pipeline without adding a story', async () => {
    await probe.drained();
    const before = await probe.index.count('all');
    const [id] = await probe.index.latest('all', 1);
    const run = await runCli(['replay', id as string], app.env);
    expect([run.code, run.stdout.trim()]).toEqual([0, `replayed 1 payload of story ${id}`]);
    const source = await runCli(['replay', 'westmere'], app.env);
    expect(source.stdout).toMatch(/^replayed \d+ payloads? of source westmere/);
    await probe.drained();
    expect(await probe.index.count('all')).toBe(before);
    expect(await probe.failed()).toBe(0);
  });
});

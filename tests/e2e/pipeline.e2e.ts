import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { fixturePath, SEED_FIXTURE } from '@bulletin/wire/testing';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, runCli, startApp, type RunningApp } from '../support/app-process.js';
import { probePipeline, type PipelineProbe } from '../support/pipeline-state.js';

const available = await redisAvailable();
const prefix = uniquePrefix('e2e');
const seed = fixturePath(SEED_FIXTURE);
const HEADLINE = 'Circumstances that led to Rotherham child abuse exist in other councils';
const parser = new Parser();
const scratch = mkdtempSync(join(tmpdir(), 'bulletin-e2e-'));
let app: RunningApp;
let probe: PipelineProbe;

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.baseUrl}${path}`, { headers });
}

async function feedTitles(path: string): Promise<string[]> {
  const feed = await parser.parseString(await (await get(path)).text());
  return feed.items.map((item) => item.title ?? '');
}

beforeAll(async () => {
  if (!available) return;
  app = await startApp(TEST_REDIS_URL, prefix);
  probe = probePipeline(TEST_REDIS_URL, prefix);
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  if (!available) return;
  await probe.close();
  if (app.child.exitCode === null) await app.stop();
  await deleteKeys(TEST_REDIS_URL, prefix);
});

describe.skipIf(!available)('the seed story from the CLI to both topic feeds', () => {
  let id = '';

  it('ingests the file with `npx bulletin ingest` and prints the story id', async () => {
    const run = await runCli(['ingest', seed], app.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const match = /^(.+)\t([0-9a-f]{20})$/m.exec(run.stdout);
    expect(match?.[1]).toBe(seed);
    id = match?.[2] ?? '';
  });

  it('serves it in the child-protection Atom feed, linked to its own page', async () => {
    const feed = await eventually(async () => {
      const parsed = await parser.parseString(
        await (await get('/feeds/topics/child-protection.atom')).text(),
      );
      return parsed.items.length > 0 ? parsed : undefined;
    });
    const [entry] = feed.items;
    expect(entry?.title).toBe(HEADLINE);
    expect(entry?.link).toBe(`${app.baseUrl}/stories/${id}`);
    expect(entry?.id).toMatch(/^urn:bulletin:files:/);
    const atom = await (await get('/feeds/topics/child-protection.atom')).text();
    expect(atom).toContain('term="child-protection"');
    expect(atom).toContain('term="local-government"');
  });

  it('serves it in the local-government RSS feed with its topics as categories', async () => {
    const feed = await parser.parseString(
      await (await get('/feeds/topics/local-government.rss')).text(),
    );
    expect(feed.items.map((item) => item.title)).toEqual([HEADLINE]);
    // rss-parser keeps a category's attributes: { _: text, $: { domain } }.
    const categories = (feed.items[0]?.categories ?? []) as unknown as {
      _: string;
      $: { domain: string };
    }[];
    const inDomain = (domain: string): string[] =>
      categories.filter((category) => category.$.domain === domain).map((category) => category._);
    expect(inDomain(`${app.baseUrl}/feeds/topics`).sort()).toEqual([
      'Child protection',
      'Local government',
    ]);
    // Each topic's IPTC Media Topic codes ride along under the IPTC scheme.
    expect(inDomain('http://cv.iptc.org/newscodes/mediatopic/').sort()).toEqual([
      '20000612',
      '20000790',
      '20000803',
    ]);
    expect(feed.items[0]?.pubDate).toMatch(/18 Nov 2014/);
  });

  it('serves the story page as HTML with a strict content security policy', async () => {
    const response = await get(`/stories/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain(HEADLINE);
    expect(html).toContain('The circumstances found within Rotherham council');
    expect(html).not.toContain('Add your comment');
  });

  it('keeps one story in every feed when the same file is ingested again', async () => {
    await probe.drained();
    const generation = await probe.index.generation('all');
    expect((await runCli(['ingest', seed], app.env)).code).toBe(0);
    // Every job the repeat caused has finished: nothing is waiting or running anywhere.
    await probe.drained();
    const titles = await feedTitles('/feeds/all.atom');
    expect(titles.filter((title) => title === HEADLINE)).toHaveLength(1);
    expect(await probe.index.generation('all')).toBe(generation);
    const json = (await (await get('/feeds/all.json')).json()) as {
      version: string;
      items: { title: string }[];
    };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.map((item) => item.title)).toEqual([HEADLINE]);
  });

  it('answers a repeated feed request with 304 when the ETag matches', async () => {
    const first = await get('/feeds/topics/child-protection.rss');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    expect(
      (await get('/feeds/topics/child-protection.rss', { 'if-none-match': etag })).status,
    ).toBe(304);
  });

  it('gives a short 404 for an unknown topic, format or story', async () => {
    const topic = await get('/feeds/topics/no-such-topic.rss');
    expect(topic.status).toBe(404);
    expect(await topic.text()).toBe('unknown topic\n');
    expect((await get('/feeds/all.xml')).status).toBe(404);
    expect((await get('/stories/0000000000000000000a')).status).toBe(404);
  });
});

describe.skipIf(!available)('bad input', () => {
  it('refuses an unparseable file in the CLI with a reason and a non-zero exit', async () => {
    const empty = join(scratch, 'empty.txt');
    writeFileSync(empty, '   \n');
    const run = await runCli(['ingest', seed, empty, join(scratch, 'missing.txt')], app.env);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/\trefused: WIRE_EMPTY: /);
    expect(lines[2]).toMatch(/\trefused: FILE_UNREADABLE: cannot read it \(ENOENT\)/);
  });

  it('fails a bad payload sent straight to the queue with a readable reason; the worker keeps going', async () => {
    await probe.queues.add('ingest', [
      {
        source: { id: 'push', name: 'Push' },
        receivedAt: '2014-11-20T00:00:00.000Z',
        encoding: 'utf8',
        payload: '<?xml version="1.0"?><catalogue><book/></catalogue>',
      },
    ]);
    const ingest = probe.queues.queue('ingest');
    const [failed] = await eventually(async () => {
      const jobs = await ingest.getFailed();
      return jobs.length > 0 ? jobs : undefined;
    });
    expect(failed?.failedReason).toMatch(/^WIRE_UNRECOGNISED: /);
    expect(failed?.attemptsMade).toBe(1);
    const after = join(scratch, 'after.txt');
    writeFileSync(
      after,
      'News\n\n20.11.14\n\nCouncil ingests another story after a failure\n\nThe worker went on to handle this story after the bad payload failed, which shows one bad payload never stops the pipeline.\n',
    );
    expect((await runCli(['ingest', after], app.env)).code).toBe(0);
    await probe.drained();
    expect(await feedTitles('/feeds/all.rss')).toContain(
      'Council ingests another story after a failure',
    );
  });
});

describe.skipIf(!available)('shutdown', () => {
  it('stops cleanly on SIGTERM within the configured time', async () => {
    const code = await app.stop();
    expect(code).toBe(0);
    expect(app.output()).not.toMatch(/shutdown step failed|deadline passed/);
  });
});

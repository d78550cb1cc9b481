import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { defaultTaxonomy } from '@bulletin/taxonomy';
import { fixturePath, SEED_FIXTURE } from '@bulletin/wire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, runCli, startApp, type RunningApp } from '../support/app-process.js';

const available = await redisAvailable();
const prefix = uniquePrefix('e2e-retag');
const scratch = mkdtempSync(join(tmpdir(), 'bulletin-retag-'));
const taxonomyFile = join(scratch, 'taxonomy.json');
let app: RunningApp;

/** The default taxonomy plus a topic the seed story belongs to once it exists. */
function writeTaxonomyWithInquiries(): void {
  const inquiries = {
    slug: 'public-inquiries',
    name: 'Public inquiries',
    codes: ['medtop:11000000'],
    description: 'Inquiries and reviews into public bodies.',
    phrases: [
      { text: 'inquiry', weight: 3 },
      { text: 'inquiries', weight: 3 },
    ],
  };
  writeFileSync(taxonomyFile, JSON.stringify({ topics: [...defaultTaxonomy.topics, inquiries] }));
}

async function titles(path: string): Promise<string[] | undefined> {
  const response = await fetch(`${app.baseUrl}${path}`);
  if (!response.ok) return undefined;
  const feed = (await response.json()) as { items: { title: string }[] };
  return feed.items.map((item) => item.title);
}

beforeAll(async () => {
  if (!available) return;
  app = await startApp(TEST_REDIS_URL, prefix);
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  if (!available) return;
  if (app.child.exitCode === null) await app.stop();
  await deleteKeys(TEST_REDIS_URL, prefix);
});

describe.skipIf(!available)('bulletin retag after a taxonomy change', () => {
  const HEADLINE = 'Circumstances that led to Rotherham child abuse exist in other councils';

  it('publishes the seed story under the default taxonomy', async () => {
    const run = await runCli(['ingest', fixturePath(SEED_FIXTURE)], app.env);
    expect(run.code).toBe(0);
    const inFeed = await eventually(async () => {
      const found = await titles('/feeds/topics/child-protection.json');
      return found?.length ? found : undefined;
    }, 20_000);
    expect(inFeed).toEqual([HEADLINE]);
  });

  it('moves the story into a new topic feed once re-tagged with the new taxonomy', async () => {
    writeTaxonomyWithInquiries();
    await app.stop();
    app = await startApp(TEST_REDIS_URL, prefix, { TAXONOMY_FILE: taxonomyFile });
    expect(await titles('/feeds/topics/public-inquiries.json')).toEqual([]);

    const run = await runCli(['retag'], app.env);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^queued 1 story for re-tagging with taxonomy [0-9a-f]{12}$/m);

    const moved = await eventually(async () => {
      const found = await titles('/feeds/topics/public-inquiries.json');
      return found?.length ? found : undefined;
    }, 20_000);
    expect(moved).toEqual([HEADLINE]);
    expect(await titles('/feeds/topics/child-protection.json')).toEqual([HEADLINE]);
  });

  it('re-tags the stories of one topic, and refuses a topic the taxonomy lacks', async () => {
    const again = await runCli(['retag', '--topic', 'public-inquiries'], app.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^queued 1 story/m);
    const refused = await runCli(['retag', '--topic', 'nonsense'], app.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no topic "nonsense"');
  });
});

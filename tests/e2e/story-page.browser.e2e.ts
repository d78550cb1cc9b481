/**
 * Nothing executable from a wire reaches a story page, and the page still reads well: hostile
 * feeds go in through the real CLI, and every resulting page is opened in real Chromium, once as
 * served and once with its Content-Security-Policy switched off, so the markup is proven safe on
 * its own and not only because the CSP would stop it.
 */
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { fixturePath } from '@bulletin/wire/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BENIGN_HEADLINE,
  EXPECTED_PAGES,
  HOSTILE_PAGE_FIXTURE,
  HOSTILE_SOURCE,
  PAGE_SOURCE,
} from '../fixtures/hostile-page.js';
import { eventually, runCli, startApp, type RunningApp } from '../support/app-process.js';
import { chromiumAvailable, launchChromium, openSealedContext } from '../support/browser.js';
import {
  CLEAN_DOM,
  countScriptLinks,
  inspectDom,
  recordCspViolations,
  watchPage,
} from '../support/page-probe.js';
import { describeCanary } from '../support/probe-canary.js';
import { expectStoryWords, readImageWidths } from '../support/story-page-view.js';

const ready = (await redisAvailable()) && chromiumAvailable();
const prefix = uniquePrefix('browser');
const SITE_TITLE = 'Ashcombe News';
const SCREENSHOT = '/tmp/bulletin-story.png';
const MODES = [
  { mode: 'as served (CSP enforced)', bypassCsp: false },
  { mode: 'with its CSP bypassed', bypassCsp: true },
];
let app: RunningApp;
let browser: Browser;
const pageUrls = new Map<string, string>();
const cliIds: string[] = [];

async function ingest(args: string[]): Promise<void> {
  const run = await runCli(['ingest', ...args], app.env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const ids = /\t([0-9a-f ]+)$/.exec(run.stdout.trim())?.[1] ?? '';
  cliIds.push(...ids.split(' '));
}

beforeAll(async () => {
  if (!ready) return;
  app = await startApp(TEST_REDIS_URL, prefix, { SITE_TITLE });
  browser = await launchChromium();
  await ingest([`--source=${PAGE_SOURCE.id}:${PAGE_SOURCE.name}`, HOSTILE_PAGE_FIXTURE]);
  await ingest([
    `--source=${HOSTILE_SOURCE.id}:${HOSTILE_SOURCE.name}`,
    fixturePath('rss/hostile-content.xml'),
  ]);
  const items = await eventually(async () => {
    const feed = (await (await fetch(`${app.baseUrl}/feeds/all.json`)).json()) as {
      items: { title: string; url: string }[];
    };
    return feed.items.length >= EXPECTED_PAGES.length ? feed.items : undefined;
  }, 20_000);
  for (const item of items) pageUrls.set(item.title, item.url);
});
afterAll(async () => {
  if (!ready) return;
  await browser.close();
  if (app.child.exitCode === null) await app.stop();
  await deleteKeys(TEST_REDIS_URL, prefix);
});

describe.skipIf(!ready)('story pages from hostile wires, in Chromium', () => {
  it('publishes one page per story the CLI reported, under the headlines the wires gave', () => {
    expect(cliIds).toHaveLength(EXPECTED_PAGES.length);
    expect([...pageUrls.keys()].sort()).toEqual(EXPECTED_PAGES.map((page) => page.headline).sort());
    expect([...pageUrls.values()].sort()).toEqual(
      cliIds.map((id) => `${app.baseUrl}/stories/${id}`).sort(),
    );
  });

  describe.each(MODES)('each page $mode', ({ bypassCsp }) => {
    it.each(EXPECTED_PAGES)('runs nothing and shows the words: $what', async (expected) => {
      const { context, refused } = await openSealedContext(browser, {
        appOrigin: app.baseUrl,
        bypassCsp,
      });
      try {
        const page = await context.newPage();
        const watch = watchPage(page);
        await recordCspViolations(page);
        const response = await page.goto(pageUrls.get(expected.headline) ?? 'about:blank', {
          waitUntil: 'load',
        });
        expect(response?.status()).toBe(200);
        // Give mouse handlers their chance, had any survived.
        for (const link of await page.locator('a').all()) await link.hover();
        expect(await inspectDom(page)).toEqual(CLEAN_DOM);
        expect(watch).toEqual({ dialogs: [], pageErrors: [] });
        expect(refused).toEqual([]);
        expect(await countScriptLinks(page)).toBe(0);
        await expectStoryWords(page, expected, SITE_TITLE);
      } finally {
        await context.close();
      }
    });
  });

  it('renders the benign page for a reader: dated byline, topics, loaded images', async () => {
    const { context } = await openSealedContext(browser, {
      appOrigin: app.baseUrl,
      bypassCsp: false,
    });
    try {
      const page = await context.newPage();
      await page.goto(pageUrls.get(BENIGN_HEADLINE) ?? 'about:blank', { waitUntil: 'load' });
      expect(await page.locator('.meta').innerText()).toBe(
        `Priya Shah · ${PAGE_SOURCE.name} · Published 2 December 2024, 09:00 UTC`,
      );
      expect(await page.locator('nav[aria-label="Topics"] a').allInnerTexts()).toEqual([
        'Housing',
        'Local government',
      ]);
      const widths = await readImageWidths(page);
      expect(widths).toHaveLength(2);
      expect(widths.every((width) => width > 0)).toBe(true);
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    } finally {
      await context.close();
    }
  });

  describeCanary(() => browser);
});

/**
 * The first address a reader opens, and a story page, as a reader sees them in real Chromium:
 * every feed link on the home page answers with its format, the autodiscovery links in the head
 * point at feeds that exist, and both pages fit a phone and a desktop without sideways
 * scrolling. Screenshots go to `.data/screenshots/` (ignored by git) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { fixturePath } from '@bulletin/wire/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  REPO_ROOT,
  runCli,
  startApp,
  type RunningApp,
} from '../support/app-process.js';
import { chromiumAvailable, launchChromium, openSealedContext } from '../support/browser.js';

const ready = (await redisAvailable()) && chromiumAvailable();
const prefix = uniquePrefix('index-page');
const SCREENSHOTS = join(REPO_ROOT, '.data', 'screenshots');
const WIDTHS = [
  { device: 'phone', width: 375, height: 812 },
  { device: 'desktop', width: 1280, height: 900 },
];
const FEED_TYPES: Record<string, RegExp> = {
  'application/atom+xml': /^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/,
  'application/rss+xml': /^<\?xml[^>]*>\s*<rss /,
  'application/feed+json': /^\{\s*"version":\s*"https:\/\/jsonfeed\.org\/version\/1\.1"/,
};
let app: RunningApp;
let browser: Browser;
let storyUrl = '';

beforeAll(async () => {
  if (!ready) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp(TEST_REDIS_URL, prefix, { SITE_TITLE: 'Ashcombe News' });
  browser = await launchChromium();
  const run = await runCli(['ingest', fixturePath('text/pse-rotherham-2014-11-18.txt')], app.env);
  expect(run.code).toBe(0);
  storyUrl = await eventually(async () => {
    const feed = (await (await fetch(`${app.baseUrl}/feeds/all.json`)).json()) as {
      items: { url: string }[];
    };
    return feed.items[0]?.url;
  }, 20_000);
});
afterAll(async () => {
  if (!ready) return;
  await browser.close();
  if (app.child.exitCode === null) await app.stop();
  await deleteKeys(TEST_REDIS_URL, prefix);
});

async function withPage<T>(width: number, height: number, run: (page: Page) => Promise<T>) {
  const { context, refused } = await openSealedContext(browser, {
    appOrigin: app.baseUrl,
    bypassCsp: false,
  });
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    const result = await run(page);
    expect(refused).toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

/** Widest element past the viewport's right edge, in CSS pixels (0 when everything fits). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

async function expectAnswers(href: string, type: string): Promise<void> {
  const response = await fetch(href);
  expect(response.status, href).toBe(200);
  expect(response.headers.get('content-type'), href).toContain(type);
  expect(await response.text(), href).toMatch(FEED_TYPES[type] ?? /./);
}

describe.skipIf(!ready)('the home page and a story page, in Chromium', () => {
  it('lists every feed, and each of its feed links answers in its format', async () => {
    const links = await withPage(1280, 900, async (page) => {
      expect((await page.goto(`${app.baseUrl}/`))?.status()).toBe(200);
      expect(await page.locator('h2#feeds').innerText()).toBe('Feeds');
      expect(await page.locator('ol.stories li').count()).toBe(1);
      // The newsletter is offered, and its form is where the link says.
      const subscribe = await page.locator('ul.subscribe a').first().getAttribute('href');
      expect(subscribe).toBe(`${app.baseUrl}/subscribe`);
      expect((await fetch(subscribe ?? '')).status).toBe(200);
      return page.locator('ul.feeds a').evaluateAll((anchors) =>
        anchors.map((a) => ({
          href: (a as HTMLAnchorElement).href,
          type: a.getAttribute('type') ?? '',
        })),
      );
    });
    // The all-stories feed and every topic, three formats each.
    expect(links.length).toBeGreaterThanOrEqual(3 * 4);
    expect(links.length % 3).toBe(0);
    for (const link of links) await expectAnswers(link.href, link.type);
  });

  it('announces feeds that exist through autodiscovery links on both pages', async () => {
    for (const url of [`${app.baseUrl}/`, storyUrl]) {
      const alternates = await withPage(1280, 900, async (page) => {
        await page.goto(url);
        return page
          .locator('head link[rel="alternate"]')
          .evaluateAll((links) =>
            links.map((l) => ({ href: (l as HTMLLinkElement).href, type: l.getAttribute('type') })),
          );
      });
      expect(alternates.length, url).toBeGreaterThan(0);
      for (const link of alternates) await expectAnswers(link.href, link.type ?? '');
    }
    // The story page offers its own topics' feeds, not only the all-stories one.
    const storyAlternates = await withPage(1280, 900, async (page) => {
      await page.goto(storyUrl);
      return page
        .locator('head link[rel="alternate"]')
        .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    });
    expect(storyAlternates.some((href) => href.includes('/feeds/topics/child-protection'))).toBe(
      true,
    );
  });

  it("shows the example's picture credit, which the scraped page kept without its picture", async () => {
    const credit = await withPage(1280, 900, async (page) => {
      await page.goto(storyUrl);
      return page.locator('.picture-credit').innerText();
    });
    expect(credit).toBe('Picture: Credit: c. Lynne Cameron/PA Wire');
  });

  describe.each(WIDTHS)('at $device width ($width px)', ({ device, width, height }) => {
    it.each([
      { name: 'home', path: () => `${app.baseUrl}/` },
      { name: 'story', path: () => storyUrl },
    ])('shows the $name page without sideways scrolling', async ({ name, path }) => {
      await withPage(width, height, async (page) => {
        expect((await page.goto(path(), { waitUntil: 'load' }))?.status()).toBe(200);
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        const fontPx = await page.evaluate(() =>
          parseFloat(getComputedStyle(document.body).fontSize),
        );
        expect(fontPx).toBeGreaterThanOrEqual(14);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${device}.png`), fullPage: true });
      });
    });
  });
});

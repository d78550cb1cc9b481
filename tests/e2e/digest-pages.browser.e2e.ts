/**
 * The digest pages in real Chromium, as a reader uses them: the subscribe form, the link from
 * the confirmation that arrived at a real SMTP server, the preferences page (change topics,
 * drop one), and the unsubscribe page from a digest, where opening the link changes nothing
 * and only the button unsubscribes. Every page is served under its CSP with no violation.
 */
import { startSmtpSink, type SmtpSink } from '@bulletin/mailer/testing';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '@bulletin/redis/testing';
import { makeStory } from '@bulletin/story/testing';
import { createStoryStore, storeKeys } from '@bulletin/store';
import { createRedisConnection } from '@bulletin/redis';
import { createLogger } from '@bulletin/runtime';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, runCli, startApp, type RunningApp } from '../support/app-process.js';
import { chromiumAvailable, launchChromium, openSealedContext } from '../support/browser.js';
import { recordCspViolations } from '../support/page-probe.js';

const ready = (await redisAvailable()) && chromiumAvailable();
const prefix = uniquePrefix('digest-pages');
let app: RunningApp;
let sink: SmtpSink;
let browser: Browser;

beforeAll(async () => {
  if (!ready) return;
  sink = await startSmtpSink();
  app = await startApp(TEST_REDIS_URL, prefix, {
    SMTP_URL: sink.url,
    DIGEST_TOKEN_SECRET: 'browser-digest-secret-0123456789abcdef',
  });
  browser = await launchChromium();
});
afterAll(async () => {
  if (!ready) return;
  await browser.close();
  await app.stop();
  await sink.close();
  await deleteKeys(TEST_REDIS_URL, prefix);
});

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
const subscribers = async () => (await runCli(['subscribers', 'list'], app.env)).stdout.trim();

describe.skipIf(!ready)('the digest pages in headless Chromium', () => {
  it('subscribe, confirm, change preferences, and unsubscribe only by the button', async () => {
    const { context, refused } = await openSealedContext(browser, {
      appOrigin: app.baseUrl,
      bypassCsp: false,
    });
    const page = await context.newPage();
    await recordCspViolations(page);

    await page.goto(`${app.baseUrl}/subscribe`);
    await page.getByLabel('Email address').fill('Reader@Example.org');
    await page.getByLabel('Housing').check();
    await page.getByLabel('Health').check();
    await page.getByLabel('daily').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Check your inbox');
    expect(await violations(page)).toEqual([]);

    const confirmation = await eventually(async () => sink.received[0], 10_000);
    const confirmUrl =
      /Confirm: (\S+)/.exec((await sink.parse(confirmation)).text ?? '')?.[1] ?? '';
    await page.goto(confirmUrl);
    expect(await page.locator('h1').textContent()).toBe('Subscription confirmed');
    expect(await subscribers()).toBe('reader@example.org\tdaily\thealth housing\tactive');

    await page.getByRole('link', { name: 'Change your topics or edition' }).click();
    expect(await page.locator('h1').textContent()).toBe('Your digest');
    await page.getByLabel('Education').check();
    await page.getByLabel('weekly').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect.poll(() => page.getByText('Saved.').count()).toBe(1);
    expect(await subscribers()).toBe(
      'reader@example.org\tweekly\thealth education housing\tactive',
    );
    await page.getByRole('button', { name: 'Unsubscribe from Health' }).click();
    await expect.poll(subscribers).toBe('reader@example.org\tweekly\teducation housing\tactive');
    expect(await violations(page)).toEqual([]);

    const redis = createRedisConnection(TEST_REDIS_URL, {
      role: 'client',
      name: 'pages',
      log: createLogger({ level: 'silent' }),
    });
    const housing = [{ slug: 'housing', name: 'Housing', codes: [], confidence: 1, matched: [] }];
    await createStoryStore(redis, storeKeys(prefix)).publish(
      makeStory('pages', { subjects: housing }),
      { now: Date.now() },
    );
    redis.disconnect();
    expect((await runCli(['digest', 'run', 'weekly'], app.env)).code).toBe(0);
    const digest = sink.received.at(-1)!;
    const unsubscribe = /^List-Unsubscribe:\s+<([^>]+)>/m.exec(digest.raw.toString())?.[1] ?? '';

    // A scanner (or a reader) opening the link sees a button; nothing changes until it is pressed.
    await page.goto(unsubscribe);
    expect(await page.locator('h1').textContent()).toBe('Unsubscribe');
    expect(await subscribers()).not.toBe('');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Unsubscribed');
    expect(await subscribers()).toBe('');
    expect(await violations(page)).toEqual([]);

    // An altered token shows the refusal page and changes nothing.
    await page.goto(unsubscribe.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(await page.locator('h1').textContent()).toBe('Link not valid');
    expect(refused).toEqual([]);
    await context.close();
  });
});

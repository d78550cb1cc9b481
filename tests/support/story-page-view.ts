/// <reference lib="dom" />
/**
 * What a reader sees on a story page: the words in their places, and images that loaded.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExpectedPage } from '../fixtures/hostile-page.js';

/**
 * Asserts the page shows the story as text a person can read: one visible `<h1>` with the exact
 * headline, a `<title>` made from it, the source and byline, the body texts and the original link.
 */
export async function expectStoryWords(
  page: Page,
  expected: ExpectedPage,
  siteTitle: string,
): Promise<void> {
  const headline = page.locator('main article > h1');
  expect(await headline.count()).toBe(1);
  expect(await headline.isVisible()).toBe(true);
  expect(await headline.innerText()).toBe(expected.headline);
  expect(await page.locator('head > title').count()).toBe(1);
  expect(await page.title()).toBe(`${expected.headline} — ${siteTitle}`);
  expect(await page.locator('.meta .source').innerText()).toBe(expected.source);
  const byline = page.locator('.meta .byline');
  expect(await byline.count()).toBe(expected.byline === undefined ? 0 : 1);
  if (expected.byline !== undefined) expect(await byline.innerText()).toBe(expected.byline);
  const body = await page.locator('article .body').innerText();
  for (const text of expected.body) expect(body).toContain(text);
  const original = page.locator('.original a');
  expect(await original.count()).toBe(expected.original === null ? 0 : 1);
  if (expected.original !== null) {
    expect(await original.getAttribute('href')).toBe(expected.original);
  }
}

/** Natural widths of the article's images: 0 for one that did not load. */
export function readImageWidths(page: Page): Promise<number[]> {
  return page
    .locator('article img')
    .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth));
}

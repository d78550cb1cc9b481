/**
 * Proves the page probes can fail: the same checks the story pages pass are run on a page that
 * was never sanitised, and must find every trick on it.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  inspectDom,
  recordCspViolations,
  watchPage,
  type DomFindings,
  type PageWatch,
} from './page-probe.js';

const CANARY_ORIGIN = 'http://canary.test';
const UNSAFE_PAGE = [
  '<!doctype html><title>canary</title>',
  '<p onmouseover="void 0">text</p>',
  "<script>window.__pwned = 'canary'; notAFunction();</script>",
  `<img src="/missing.png" onerror="alert('canary')">`,
  '<a href=" jav&#x09;ascript:void(0)">link</a>',
  '<iframe src="about:blank"></iframe>',
].join('\n');

async function openCanary(
  browser: Browser,
  csp = '',
  bypassCSP = false,
): Promise<{ page: Page; watch: PageWatch; findings: DomFindings }> {
  const context = await browser.newContext({ bypassCSP });
  const page = await context.newPage();
  const watch = watchPage(page);
  await recordCspViolations(page);
  await page.route(`${CANARY_ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === '/'
      ? route.fulfill({
          contentType: 'text/html',
          headers: csp ? { 'content-security-policy': csp } : {},
          body: UNSAFE_PAGE,
        })
      : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(`${CANARY_ORIGIN}/`, { waitUntil: 'load' });
  return { page, watch, findings: await inspectDom(page) };
}

/** Declares the probe self-tests; `getBrowser` is read when the tests run. */
export function describeCanary(getBrowser: () => Browser): void {
  describe('the page probes themselves', () => {
    it('find every trick on a page that was never sanitised', async () => {
      const { page, watch, findings } = await openCanary(getBrowser());
      try {
        expect(findings.pwned).toBe('canary');
        expect(watch.dialogs).toEqual(['alert: canary']);
        expect(watch.pageErrors).toEqual([expect.stringContaining('notAFunction')]);
        expect(findings.forbiddenElements).toEqual(['script', 'iframe']);
        expect(findings.handlerAttributes).toEqual(['p[onmouseover]', 'img[onerror]']);
        expect(findings.unsafeUrls).toEqual([
          'a[href]= jav\tascript:void(0)',
          'a.protocol=javascript:',
        ]);
      } finally {
        await page.context().close();
      }
    });

    it('see what a Content-Security-Policy stopped', async () => {
      const { page, watch, findings } = await openCanary(getBrowser(), "script-src 'none'");
      try {
        expect(findings.pwned).toBeUndefined();
        expect(watch.dialogs).toEqual([]);
        expect(findings.cspViolations.length).toBeGreaterThan(0);
        expect(
          findings.cspViolations.every((violation) => violation.startsWith('script-src')),
        ).toBe(true);
      } finally {
        await page.context().close();
      }
    });

    it('really switch the CSP off when bypassing it, so that mode tests the markup alone', async () => {
      const { page, findings } = await openCanary(getBrowser(), "script-src 'none'", true);
      try {
        expect(findings.pwned).toBe('canary');
        expect(findings.cspViolations).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  });
}

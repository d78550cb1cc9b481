/**
 * The real browser for page tests: Debian's Chromium driven by playwright-core (which never
 * downloads a browser of its own). Its network is closed off: the page may reach the app and
 * fetch images, each image answered here with a placeholder; anything else is refused and noted.
 */
import { existsSync } from 'node:fs';
import { reportSkip } from '@bulletin/redis/testing';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// A calm grey panel stands in for every remote image, so pages lay out as they would for a reader.
const PLACEHOLDER_IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">' +
  '<rect width="1200" height="675" fill="#d9dde3"/>' +
  '<text x="600" y="350" font-family="sans-serif" font-size="40" text-anchor="middle" fill="#555">image placeholder</text>' +
  '</svg>';

/**
 * Resolves whether the browser is installed. Outside CI a missing browser makes the suite skip
 * with a warning; in CI (`CI=true`) it throws, so a skipped run can never pass as green.
 */
export function chromiumAvailable(path: string = CHROMIUM_PATH): boolean {
  if (existsSync(path)) return true;
  const reason = `no Chromium at ${path} (install it with: apt-get install chromium)`;
  if (process.env['CI'] === 'true') throw new Error(`CI=true but ${reason}`);
  reportSkip(`browser tests: ${reason}`);
  return false;
}

/** Launches headless Chromium from {@link CHROMIUM_PATH}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A browser context whose requests stay on this machine; `refused` lists what was turned away. */
export interface SealedContext {
  context: BrowserContext;
  refused: string[];
}

export interface SealedContextOptions {
  /** Only this origin is really fetched, e.g. `http://127.0.0.1:4000`. */
  appOrigin: string;
  /** Turns the page's Content-Security-Policy off, to prove the markup safe on its own. */
  bypassCsp: boolean;
}

/** Opens a context that lets the page reach only the app, answering image requests itself. */
export async function openSealedContext(
  browser: Browser,
  options: SealedContextOptions,
): Promise<SealedContext> {
  const context = await browser.newContext({
    bypassCSP: options.bypassCsp,
    viewport: { width: 1000, height: 800 },
  });
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (new URL(url).origin === options.appOrigin) return route.continue();
    if (request.resourceType() === 'image' && /^https?:/.test(url)) {
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE });
    }
    refused.push(`${request.resourceType()} ${url}`);
    return route.abort('blockedbyclient');
  });
  return { context, refused };
}

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Looks at a loaded page the way an attacker's payload would hope to find it: anything that ran
 * (dialogs, errors, the `window.__pwned` marker, CSP violations) and anything that could still
 * run (script-capable elements, `on*` handlers, script URLs, inline styles).
 */
import type { Page } from 'playwright-core';

/** What ran while the page loaded. Attach before navigating. */
export interface PageWatch {
  dialogs: string[];
  pageErrors: string[];
}

/** Everything found in the DOM that should not be there; every list is empty on a safe page. */
export interface DomFindings {
  /** `window.__pwned`, set by every trick in the hostile fixture. */
  pwned: unknown;
  /** `securitypolicyviolation` events: something on the page tried what the CSP forbids. */
  cspViolations: string[];
  /** Elements that run script or load foreign documents, as `tag`. */
  forbiddenElements: string[];
  /** Event-handler attributes, as `tag[onx]`. */
  handlerAttributes: string[];
  /** URL-bearing attributes with a script-capable scheme, as `tag[attr]=value`. */
  unsafeUrls: string[];
  /** Inline `style` attributes, which wire markup must never bring in. */
  styleAttributes: string[];
}

/** Elements that run script, load a foreign document or change how URLs resolve. */
const FORBIDDEN = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'form',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
  'meta[http-equiv="refresh" i]',
  'link[rel~="stylesheet" i]',
  'link[rel~="import" i]',
].join(', ');
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'srcdoc',
  'poster',
  'background',
  'xlink:href',
  'srcset',
  'ping',
];

/** Records dialogs (dismissing them) and uncaught page errors from now on. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { dialogs: [], pageErrors: [] };
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  return watch;
}

/** Collects CSP violations from the first byte of every document in the context. */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
}

/** Inspects the loaded page's DOM; see {@link DomFindings}. */
export function inspectDom(page: Page): Promise<DomFindings> {
  return page.evaluate(
    ({ forbidden, urlAttributes }) => {
      // Browsers drop ASCII whitespace and controls anywhere in a scheme: `jav&#9;ascript:` runs.
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      const scheme = (value: string) => value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      const scripted = /^(?:javascript|vbscript|data):/;
      const elements = [...document.querySelectorAll('*')];
      const tag = (element: Element) => element.tagName.toLowerCase();
      const unsafeUrls = elements.flatMap((element) =>
        urlAttributes
          .filter((name) => element.hasAttribute(name))
          .filter(
            (name) => name === 'srcdoc' || scripted.test(scheme(element.getAttribute(name) ?? '')),
          )
          .map((name) => `${tag(element)}[${name}]=${element.getAttribute(name) ?? ''}`),
      );
      const resolvedLinks = [
        ...document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]'),
      ]
        .filter((link) => scripted.test(link.protocol))
        .map((link) => `${tag(link)}.protocol=${link.protocol}`);
      const win = window as unknown as { __pwned?: unknown; __cspViolations?: string[] };
      return {
        pwned: win.__pwned,
        cspViolations: [...(win.__cspViolations ?? [])],
        forbiddenElements: [...document.querySelectorAll(forbidden)].map(tag),
        handlerAttributes: elements.flatMap((element) =>
          element
            .getAttributeNames()
            .filter((name) => name.toLowerCase().startsWith('on'))
            .map((name) => `${tag(element)}[${name}]`),
        ),
        unsafeUrls: [...unsafeUrls, ...resolvedLinks],
        styleAttributes: elements.filter((element) => element.hasAttribute('style')).map(tag),
      };
    },
    { forbidden: FORBIDDEN, urlAttributes: URL_ATTRIBUTES },
  );
}

/**
 * Links a reader could click to run script: every `<a>`/`<area>` whose resolved scheme is
 * `javascript:`, however the wire spelt it (case, whitespace, entities).
 */
export function countScriptLinks(page: Page): Promise<number> {
  return page
    .locator('a[href], area[href]')
    .evaluateAll(
      (links) =>
        links.filter((link) => (link as HTMLAnchorElement).protocol === 'javascript:').length,
    );
}

/** What a safe page yields from {@link inspectDom}. */
export const CLEAN_DOM: DomFindings = {
  pwned: undefined,
  cspViolations: [],
  forbiddenElements: [],
  handlerAttributes: [],
  unsafeUrls: [],
  styleAttributes: [],
};

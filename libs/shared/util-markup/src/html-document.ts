import { createHash } from 'node:crypto';
import { toMarkupText } from './text-safety.js';

const STYLE = [
  ':root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.6}',
  'body{max-width:42rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}',
  'figure{margin:1rem 0}',
  'img{max-width:100%;height:auto}',
  '.meta,figcaption,.site,.label{color:GrayText;font-size:.9rem}',
  '.topics{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0}',
  'nav{display:flex;gap:.5rem;align-items:baseline}',
  'h1{font-size:1.75rem;line-height:1.25}',
  'h3{font-size:1.1rem;margin:0}',
  '.feeds,.stories,.subscribe{list-style:none;padding:0}',
  '.feeds>li,.stories>li{margin:0 0 1.25rem}',
  '.feeds .meta,.stories .meta{margin:.25rem 0}',
  // Format links sit side by side and wrap on a phone, each a finger-sized target.
  '.formats{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:0}',
  '.formats a,.subscribe a{display:inline-block;padding:.25rem 0}',
].join('');

// The page runs no script and loads nothing but images; the style is allowed by its hash, so
// even markup that slipped past upstream sanitising cannot style or script the page.
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
/** The page's Content-Security-Policy; the server sends the same one as a header. */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  'img-src http: https:',
  `style-src 'sha256-${STYLE_HASH}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy of a page with forms (subscribing, preferences): the same, except that forms may
 * post back to the page's own origin.
 */
export const FORM_PAGE_CONTENT_SECURITY_POLICY = PAGE_CONTENT_SECURITY_POLICY.replace(
  "form-action 'none'",
  "form-action 'self'",
);

/** The parts of an HTML page that differ between pages. */
export interface HtmlDocumentOptions {
  /** BCP 47 language of the page. */
  lang: string;
  /** Plain text; escaped here. */
  title: string;
  /** Extra `<head>` markup, already escaped. */
  headHtml?: string;
  /** `<body>` markup, already escaped. */
  bodyHtml: string;
  /** The page has forms posting to its own origin. @defaultValue false */
  forms?: boolean;
}

/** Wraps page markup in a complete HTML5 document with charset, viewport, CSP and style. */
export function renderHtmlDocument(options: HtmlDocumentOptions): string {
  return [
    '<!doctype html>',
    `<html lang="${toMarkupText(options.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${options.forms ? FORM_PAGE_CONTENT_SECURITY_POLICY : PAGE_CONTENT_SECURITY_POLICY}">`,
    `<title>${toMarkupText(options.title)}</title>`,
    ...(options.headHtml ? [options.headHtml] : []),
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    options.bodyHtml,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

import { isKnownEntity } from './html-entities.js';

const CDATA = /<!\[CDATA\[[\s\S]*?\]\]>/g;
// '&' not starting a reference; or a named reference XML does not define and we cannot decode.
const LOOSE_AMPERSAND = /&(?!#\d{1,7};|#x[0-9A-Fa-f]{1,6};)(?:([A-Za-z][A-Za-z0-9]{0,31});)?/g;
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// Control characters XML 1.0 forbids; one stray byte must not cost the whole feed.
// eslint-disable-next-line no-control-regex -- matching those characters is the point
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

function escapeLooseAmpersands(text: string): string {
  return text.replace(LOOSE_AMPERSAND, (whole, name?: string) => {
    if (name === undefined) return '&amp;';
    return XML_ENTITIES.has(name) || isKnownEntity(name) ? whole : `&amp;${name};`;
  });
}

const TITLE_OPEN = /<title\b[^>]*>/g;
const TITLE_CLOSE = '</title>';
const ANGLE = /[<>]/g;
const TAG_NAME = /<\/?([A-Za-z][\w:.-]*)/g;
// HTML that turns up inside titles; any other element means the title is broken, not styled.
const TITLE_HTML = new Set([
  'a',
  'abbr',
  'b',
  'br',
  'code',
  'div',
  'em',
  'font',
  'i',
  'img',
  'mark',
  'p',
  'q',
  's',
  'script',
  'small',
  'span',
  'strong',
  'style',
  'sub',
  'sup',
  'u',
]);

function isStyledText(inner: string): boolean {
  if (!inner.includes('<')) return false;
  if (inner.trimStart().startsWith('<![CDATA[')) return false;
  for (const match of inner.matchAll(TAG_NAME)) {
    if (!TITLE_HTML.has((match[1] ?? '').toLowerCase())) return false;
  }
  return true;
}

/**
 * Markup written straight into a <title> would become child elements whose text xml2js splits
 * off; as escaped text it reaches the headline cleaner (sanitiser, then tag stripping) whole.
 */
function escapeTitleMarkup(xml: string): string {
  let out = '';
  let last = 0;
  for (const open of xml.matchAll(TITLE_OPEN)) {
    const start = open.index + open[0].length;
    const end = xml.indexOf(TITLE_CLOSE, start);
    if (end === -1 || start < last) continue;
    const inner = xml.slice(start, end);
    if (!isStyledText(inner)) continue;
    out +=
      xml.slice(last, start) + inner.replace(ANGLE, (char) => (char === '<' ? '&lt;' : '&gt;'));
    last = end;
  }
  return last === 0 ? xml : out + xml.slice(last);
}

/**
 * Repairs what real feeds get wrong before rss-parser (strict XML) sees them: a bare `&` (as in
 * "Health & Care") becomes `&amp;`, an unknown named reference is kept as literal text, markup
 * inside a `<title>` is escaped to text, and forbidden control characters go. CDATA sections are
 * left exactly as they are.
 */
export function repairXml(xml: string): string {
  const clean = escapeTitleMarkup(xml.replace(FORBIDDEN_CONTROLS, ''));
  if (!clean.includes('&')) return clean;
  let out = '';
  let last = 0;
  for (const match of clean.matchAll(CDATA)) {
    out += escapeLooseAmpersands(clean.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeLooseAmpersands(clean.slice(last));
}

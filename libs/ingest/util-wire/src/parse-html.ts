import { Readability } from '@mozilla/readability';
import { digest, type Story } from '@bulletin/story';
import { parseHTML } from 'linkedom';
import { bodyFromHtml, cleanText, type Body } from './body-text.js';
import { buildStory, DEFAULT_LANGUAGE } from './build-story.js';
import { WireParseError } from './errors.js';
import { normaliseLanguage } from './feed-fields.js';
import { refuseDeepNesting } from './markup-depth.js';
import { toPlainText } from './html-text.js';
import { readPageMeta, type MetaDocument } from './page-meta.js';
import { resolveDates } from './story-dates.js';
import { trimSummary } from './summarise.js';
import { parseBylineLine } from './text-byline.js';
import { endsWithSentence, hasWords } from './text-shape.js';
import type { WireInput } from './types.js';

/** What the page reader needs besides the HTML. */
export interface HtmlContext extends Pick<WireInput, 'source' | 'receivedAt'> {
  warnings?: readonly string[];
}

// Readability refuses (throws) past this many elements; a news page has a few thousand.
const MAX_ELEMENTS = 50_000;

type Parsed = NonNullable<ReturnType<Readability['parse']>>;

const LEADING_BLOCK = /^\s*(?:<div>\s*)*<(h[1-6]|p)\b[^>]*>([\s\S]*?)<\/\1>/;

/** Readability keeps the page's own headline and byline lines at the top; the story has them. */
function dropLeadingMeta(body: Body, headline: string): Body {
  let { html, paragraphs } = body;
  for (let step = 0; step < 3; step += 1) {
    const match = LEADING_BLOCK.exec(html);
    const line = match === null ? undefined : toPlainText(match[2] ?? '');
    if (match === null || line === undefined || paragraphs[0] !== line) break;
    if (line !== headline && parseBylineLine(line) === undefined) break;
    const start = match.index + match[0].lastIndexOf(`<${match[1] ?? 'p'}`);
    html = html.slice(0, start) + html.slice(match.index + match[0].length).replace(/^\s+/, '');
    paragraphs = paragraphs.slice(1);
  }
  return { html, paragraphs };
}

function hasProse(body: Body | undefined): body is Body {
  return (
    body !== undefined &&
    body.paragraphs.some((line) => endsWithSentence(line) && hasWords(line, 4))
  );
}

function extract(html: string): { meta: ReturnType<typeof readPageMeta>; article: Parsed | null } {
  refuseDeepNesting(html, 'HTML page');
  const { document } = parseHTML(html);
  // Metadata first: Readability takes the document apart as it goes.
  const meta = readPageMeta(document as unknown as MetaDocument);
  const reader = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    { maxElemsToParse: MAX_ELEMENTS },
  );
  return { meta, article: reader.parse() };
}

/**
 * Reads an HTML article page: the main content found by Readability (over linkedom, so no
 * script ever runs and nothing is fetched) and sanitised; headline, byline, published and
 * modified times and canonical link from the page's metadata (JSON-LD NewsArticle, Open Graph,
 * `article:*`, `<link rel=canonical>`), falling back to what Readability found. The canonical
 * link is the identity; without one, a digest of headline and date.
 * @throws WireParseError `WIRE_NO_BODY`, `WIRE_NO_HEADLINE`.
 */
export function parseHtmlPage(html: string, context: HtmlContext): Story {
  const { meta, article } = extract(html);
  const found = bodyFromHtml(article?.content ?? undefined);
  if (!hasProse(found)) {
    throw new WireParseError(
      'WIRE_NO_BODY',
      'HTML page has no article text: no main content with a paragraph of prose was found',
    );
  }
  const headline = meta.headline ?? cleanText(article?.title ?? undefined);
  if (headline === undefined) {
    throw new WireParseError(
      'WIRE_NO_HEADLINE',
      'HTML page has no headline: no og:title, JSON-LD headline or <title>',
    );
  }
  const body = dropLeadingMeta(found, headline);
  const dates = resolveDates(
    [
      { field: 'datePublished', value: meta.published },
      {
        field: 'publishedTime',
        value: meta.published === undefined ? article?.publishedTime : undefined,
      },
    ],
    [{ field: 'dateModified', value: meta.modified }],
    context.receivedAt,
  );
  const byline = meta.byline ?? cleanText(article?.byline ?? undefined);
  return buildStory(
    {
      itemId: meta.canonical ?? digest(headline, dates.sourceDate ?? ''),
      headline,
      ...(byline === undefined ? {} : { byline }),
      bodyText: body.paragraphs.join('\n\n'),
      bodyHtml: body.html,
      summary: trimSummary(meta.description ?? body.paragraphs[0] ?? ''),
      language: normaliseLanguage(meta.language ?? article?.lang) ?? DEFAULT_LANGUAGE,
      ...(meta.canonical === undefined ? {} : { link: meta.canonical }),
      images: meta.image === undefined ? [] : [{ href: meta.image }],
      firstcreated: dates.firstcreated,
      versioncreated: dates.versioncreated,
      ...(dates.dateOnly ? { dateOnly: true } : {}),
      warnings: [...(context.warnings ?? []), ...dates.warnings],
    },
    context.source,
  );
}

import { digest } from '@bulletin/story';
import { DEFAULT_LANGUAGE, type StoryDraft } from './build-story.js';
import {
  firstPlainText,
  httpUrl,
  normaliseLanguage,
  readByline,
  readImages,
  textOf,
  type FeedItem,
} from './feed-fields.js';
import { hasBlockMarkup, htmlToParagraphs, paragraphsToHtml } from './html-text.js';
import { sanitiseHtml } from './sanitise-html.js';
import { resolveDates } from './story-dates.js';
import { trimSummary } from './summarise.js';

/** An item that cannot become a story; the message is the rejection reason. */
export class ItemRejectedError extends Error {}

// rss-parser puts RSS <description> and Atom <content> in `content`, Atom <summary> in `summary`.
const BODY_FIELDS = ['content:encoded', 'content', 'summary'] as const;
const SUMMARY_FIELDS = ['summary', 'content', 'content:encoded'] as const;

interface Body {
  html: string;
  paragraphs: string[];
}

function readField(item: FeedItem, field: string): Body | undefined {
  const raw = textOf(item[field]);
  if (raw === undefined || raw.trim() === '') return undefined;
  const html = sanitiseHtml(raw);
  const paragraphs = htmlToParagraphs(html);
  if (paragraphs.length === 0) return undefined;
  return { html: hasBlockMarkup(html) ? html : paragraphsToHtml(paragraphs), paragraphs };
}

/** Sanitises each HTML field at most once, however many roles (body, summary) ask for it. */
function bodyReader(item: FeedItem): (fields: readonly string[]) => Body | undefined {
  const cache = new Map<string, Body | undefined>();
  return (fields) => {
    for (const field of fields) {
      if (!cache.has(field)) cache.set(field, readField(item, field));
      const body = cache.get(field);
      if (body !== undefined) return body;
    }
    return undefined;
  };
}

function readItemId(item: FeedItem, headline: string, date: string): string {
  for (const field of ['guid', 'id', 'link']) {
    const id = textOf(item[field])?.trim();
    if (id !== undefined && id !== '') return id;
  }
  return digest(headline, date);
}

/**
 * Maps one rss-parser item to a story draft. Every HTML field is sanitised; the summary is plain
 * text from the item's summary/description (rss-parser's own snippet keeps script text, so it is
 * not used).
 * @throws ItemRejectedError when the item has no title or no body text.
 */
export function draftFromItem(
  item: FeedItem,
  feedLanguage: string | undefined,
  receivedAt: string,
): StoryDraft {
  const headline = firstPlainText(item, ['title']);
  if (headline === undefined) throw new ItemRejectedError('missing title');
  const readBody = bodyReader(item);
  const body = readBody(BODY_FIELDS);
  if (body === undefined) {
    throw new ItemRejectedError(
      'missing body text: no content:encoded, content, description or summary with text',
    );
  }
  // Raw fields only: rss-parser's isoDate comes from Date.parse, which reads year 0001 as 2001.
  const dates = resolveDates(
    [
      { field: 'published', value: item.published },
      { field: 'pubDate', value: item.published === undefined ? item.pubDate : undefined },
      { field: 'dc:date', value: item.date },
    ],
    [{ field: 'updated', value: item.updated }],
    receivedAt,
  );
  const summarySource = readBody(SUMMARY_FIELDS)?.paragraphs ?? body.paragraphs;
  const link = httpUrl(item.link);
  const byline = readByline(item);
  return {
    itemId: readItemId(item, headline, dates.sourceDate ?? ''),
    headline,
    ...(byline === undefined ? {} : { byline }),
    bodyText: body.paragraphs.join('\n\n'),
    bodyHtml: body.html,
    summary: trimSummary(summarySource.join(' ')),
    language: normaliseLanguage(item.language) ?? feedLanguage ?? DEFAULT_LANGUAGE,
    ...(link === undefined ? {} : { link }),
    images: readImages(item),
    firstcreated: dates.firstcreated,
    versioncreated: dates.versioncreated,
    ...(dates.dateOnly === true ? { dateOnly: true } : {}),
    warnings: dates.warnings,
  };
}

import { toMarkupText as text } from '@bulletin/markup';
import { formatDisplayDate, formatDisplayDay } from './format-display-date.js';
import { FEED_CONTENT_TYPES, FEED_FORMATS, type FeedFormat } from './render-types.js';
import { feedUrl, homeUrl } from './urls.js';

/** How each format is named to readers, in {@link FEED_FORMATS} order. */
export const FORMAT_LABELS: Readonly<Record<FeedFormat, string>> = {
  atom: 'Atom',
  rss: 'RSS',
  json: 'JSON Feed',
};

/** A feed as a page links to it. */
export interface FeedLink {
  readonly key: string;
  readonly title: string;
}

function mediaType(format: FeedFormat): string {
  return FEED_CONTENT_TYPES[format].split(';')[0] ?? '';
}

/** The site name, linking home, at the top of every page. */
export function renderSiteHeader(baseUrl: string, siteTitle: string): string {
  return `<header><p class="site"><a href="${text(homeUrl(baseUrl))}">${text(siteTitle)}</a></p></header>`;
}

/**
 * Feed autodiscovery: a `<link rel="alternate">` per feed and format, so browsers and readers
 * find every feed from the page.
 */
export function renderFeedAlternates(baseUrl: string, feeds: readonly FeedLink[]): string[] {
  return feeds.flatMap((feed) =>
    FEED_FORMATS.map(
      (format) =>
        `<link rel="alternate" type="${mediaType(format)}" title="${text(`${feed.title} (${FORMAT_LABELS[format]})`)}"` +
        ` href="${text(feedUrl(baseUrl, feed.key, format))}">`,
    ),
  );
}

/** One link per format to a feed, as a list. */
export function renderFormatLinks(baseUrl: string, feed: FeedLink): string {
  const links = FEED_FORMATS.map(
    (format) =>
      `<li><a href="${text(feedUrl(baseUrl, feed.key, format))}" type="${mediaType(format)}">` +
      `${FORMAT_LABELS[format]}</a></li>`,
  );
  return `<ul class="formats" aria-label="${text(`${feed.title} feeds`)}">${links.join('')}</ul>`;
}

/**
 * A `<time>` for a story date: the date and time in UTC, or for a date-only story the date
 * alone, never an invented "00:00 UTC".
 */
export function renderStoryTime(iso: string, field: string, dateOnly: boolean): string {
  if (dateOnly) {
    const day = formatDisplayDay(iso, field);
    return `<time datetime="${day.datetime}">${text(day.text)}</time>`;
  }
  return `<time datetime="${text(iso)}">${text(formatDisplayDate(iso, field))}</time>`;
}

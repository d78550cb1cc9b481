import type { Story } from '@bulletin/story';
import { buildFeedView, type FeedItemView } from './feed-view.js';
import type { FeedDescriptor, RenderContext } from './render-types.js';

/** The JSON Feed version this module writes. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** A JSON Feed 1.1 item as bulletin writes it. */
export interface JsonFeedItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  content_html: string;
  summary?: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors: { name: string }[];
  tags: string[];
  language: string;
}

/** A JSON Feed 1.1 document as bulletin writes it. */
export interface JsonFeedDocument {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  authors: { name: string }[];
  items: JsonFeedItem[];
}

function toJsonItem(item: FeedItemView): JsonFeedItem {
  // Key order is fixed by this literal, so the bytes are stable.
  return {
    id: item.id,
    url: item.url,
    external_url: item.externalUrl,
    title: item.title,
    content_html: item.contentHtml,
    summary: item.summary === '' ? undefined : item.summary,
    image: item.imageUrl,
    date_published: item.publishedIso,
    date_modified: item.updatedIso,
    authors: [{ name: item.author }],
    tags: item.tags.map((tag) => tag.name),
    language: item.language,
  };
}

/**
 * Renders a JSON Feed 1.1 document. Written here rather than by `feed`, which only writes
 * JSON Feed 1.0 (singular `author`, no `language`). `JSON.stringify` escapes every value, and
 * the dates are the stories' own RFC 3339 strings. Stories keep their order.
 * @example renderJsonFeed({ key: 'all', title: 'bulletin', description: 'Every story' }, stories, ctx)
 */
export function renderJsonFeed(
  feed: FeedDescriptor,
  stories: readonly Story[],
  ctx: RenderContext,
): string {
  const view = buildFeedView('json', feed, stories, ctx);
  const document: JsonFeedDocument = {
    version: JSON_FEED_VERSION,
    title: view.title,
    home_page_url: view.homeUrl,
    feed_url: view.selfUrl,
    description: view.description,
    language: view.language,
    authors: [{ name: view.siteTitle }],
    items: view.items.map(toJsonItem),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

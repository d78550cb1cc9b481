import type { Story } from '@bulletin/story';
import { buildFeedView, type FeedItemView, type FeedView } from './feed-view.js';
import type { FeedDescriptor, FeedRenderOptions, RenderContext } from './render-types.js';

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
  /** The next older document: the newest archive, or the archive before this one. */
  next_url?: string;
  description: string;
  language: string;
  authors: { name: string }[];
  hubs?: { type: 'WebSub'; url: string }[];
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
    image: item.images[0]?.url,
    date_published: item.published.toISOString(),
    date_modified: item.updated.toISOString(),
    authors: [{ name: item.author }],
    tags: item.tags.map((tag) => tag.name),
    language: item.language,
  };
}

function toJsonDocument(view: FeedView): JsonFeedDocument {
  return {
    version: JSON_FEED_VERSION,
    title: view.title,
    home_page_url: view.homeUrl,
    feed_url: view.selfUrl,
    next_url: view.archive.prevArchiveUrl,
    description: view.description,
    language: view.language,
    authors: [{ name: view.siteTitle }],
    hubs: view.hubUrl === undefined ? undefined : [{ type: 'WebSub', url: view.hubUrl }],
    items: view.items.map(toJsonItem),
  };
}

/**
 * Renders a JSON Feed 1.1 document. Written here rather than by `feed`, which only writes
 * JSON Feed 1.0 (singular `author`, no `language`). `JSON.stringify` escapes every value; dates
 * are RFC 3339 in UTC. `next_url` leads to older items (RFC 5005's `prev-archive`), `hubs`
 * names the WebSub hub. Only `usable` stories are listed, in the order given.
 * @example renderJsonFeed({ key: 'all', title: 'bulletin', description: 'Every story' }, stories, ctx)
 */
export function renderJsonFeed(
  feed: FeedDescriptor,
  stories: readonly Story[],
  ctx: RenderContext,
  options: FeedRenderOptions = {},
): string {
  const document = toJsonDocument(buildFeedView('json', feed, stories, ctx, options));
  return `${JSON.stringify(document, null, 2)}\n`;
}

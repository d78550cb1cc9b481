import { toMarkupText as text } from '@bulletin/markup';
import { DEFAULT_LANGUAGE, type FeedDescriptor, type RenderContext } from './render-types.js';
import { requireHttpUrl } from './uri.js';
import { feedUrl, homeUrl } from './urls.js';

/** The `Content-Type` of {@link renderOpml}'s document. */
export const OPML_CONTENT_TYPE = 'text/x-opml; charset=utf-8';

/** Choices of {@link renderOpml}. */
export interface OpmlOptions {
  /**
   * Which document each outline's `xmlUrl` names. OPML has one outline type for feeds
   * (`type="rss"`), so each feed is listed once, in one format, and readers import it once.
   * @defaultValue `'rss'`
   */
  format?: 'rss' | 'atom';
}

function outline(feed: FeedDescriptor, ctx: RenderContext, options: OpmlOptions): string {
  const format = options.format ?? 'rss';
  const attributes: [string, string][] = [
    ['type', 'rss'],
    ['text', feed.title],
    ['title', feed.title],
    ['description', feed.description],
    ['xmlUrl', feedUrl(ctx.baseUrl, feed.key, format)],
    ['htmlUrl', homeUrl(ctx.baseUrl)],
    ['language', ctx.language ?? DEFAULT_LANGUAGE],
    // OPML 2.0 names RSS 2.0 "RSS"; it defines no value for Atom.
    ...(format === 'rss' ? [['version', 'RSS'] as [string, string]] : []),
  ];
  return `    <outline ${attributes.map(([name, value]) => `${name}="${text(value)}"`).join(' ')}/>`;
}

/**
 * Renders an OPML 2.0 subscription list of the given feeds (`GET /feeds.opml`), in their
 * order, so a reader can subscribe to them all at once. Every value is escaped; nothing reads
 * the clock (the optional dates of the OPML head are left out), so the bytes only change when
 * the feeds do. The optional `docs` is left out too: the W3C validator, whose OPML checks
 * predate OPML 2.0, warns on it.
 * @example reply.type(OPML_CONTENT_TYPE).send(renderOpml(feeds, ctx));
 * @throws RenderError `RENDER_INVALID_URL` for a relative base URL.
 */
export function renderOpml(
  feeds: readonly FeedDescriptor[],
  ctx: RenderContext,
  options: OpmlOptions = {},
): string {
  requireHttpUrl(ctx.baseUrl, 'baseUrl');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${text(`${ctx.siteTitle} feeds`)}</title>`,
    `    <ownerName>${text(ctx.siteTitle)}</ownerName>`,
    '  </head>',
    '  <body>',
    ...feeds.map((feed) => outline(feed, ctx, options)),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

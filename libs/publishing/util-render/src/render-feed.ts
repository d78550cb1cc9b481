import type { Story } from '@bulletin/story';
import { renderAtom } from './render-atom.js';
import { RenderError } from './render-error.js';
import { renderJsonFeed } from './render-json-feed.js';
import { renderRss } from './render-rss.js';
import type {
  FeedDescriptor,
  FeedFormat,
  FeedRenderOptions,
  RenderContext,
} from './render-types.js';

type FeedRenderer = (
  feed: FeedDescriptor,
  stories: readonly Story[],
  ctx: RenderContext,
  options?: FeedRenderOptions,
) => string;

const RENDERERS: Readonly<Record<FeedFormat, FeedRenderer>> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** True for `'rss'`, `'atom'` and `'json'`: narrows a path extension to a {@link FeedFormat}. */
export function isFeedFormat(value: string): value is FeedFormat {
  return Object.hasOwn(RENDERERS, value);
}

/**
 * Renders a feed in the given format. Deterministic: the feed's updated time is the newest
 * story's `versioncreated` (or `ctx.emptyUpdated` when there are none), never the clock, so
 * unchanged stories render identical bytes. `options.archive` makes it an RFC 5005 document.
 * @throws RenderError `RENDER_UNKNOWN_FORMAT` for a format outside {@link FeedFormat};
 * `RENDER_INVALID_DATE` for an unparseable date; `RENDER_INVALID_URL` for a relative base,
 * hub or archive URL.
 * @example
 * const xml = renderFeed('atom', { key: 'all', title: 'bulletin', description: 'Every story' }, stories, {
 *   baseUrl: 'http://localhost:3000', siteTitle: 'bulletin', emptyUpdated: '2024-01-01T00:00:00Z',
 * });
 */
export function renderFeed(
  format: FeedFormat,
  feed: FeedDescriptor,
  stories: readonly Story[],
  ctx: RenderContext,
  options: FeedRenderOptions = {},
): string {
  if (!isFeedFormat(format)) {
    throw new RenderError('RENDER_UNKNOWN_FORMAT', `unknown feed format ${JSON.stringify(format)}`);
  }
  return RENDERERS[format](feed, stories, ctx, options);
}

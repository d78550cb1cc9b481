/**
 * @module @bulletin/render
 * Pure, deterministic rendering of stories as RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents
 * (with WebSub hub and RFC 5005 archive links), IPTC ninjs 2.1 documents, the OPML 2.0 list
 * of feeds, the story-list API body and HTML pages.
 * RSS and Atom are laid out by the `feed` package while every caller string is escaped here
 * (see `text-tokens.ts` for why, and `feed-faults.spec.ts` for each fault guarded against);
 * everything else is written here. The same inputs always render the same
 * bytes: no clock, no environment, no I/O.
 */
export { renderFeed, isFeedFormat } from './render-feed.js';
export { renderRss } from './render-rss.js';
export { renderAtom } from './render-atom.js';
export {
  renderJsonFeed,
  JSON_FEED_VERSION,
  type JsonFeedDocument,
  type JsonFeedItem,
} from './render-json-feed.js';
export { renderNinjs, type NinjsOptions } from './render-ninjs.js';
export {
  NINJS_STANDARD,
  NINJS_CONTENT_TYPE,
  type NinjsDocument,
  type NinjsBlock,
  type NinjsConcept,
  type NinjsRendition,
  type NinjsAssociation,
} from './ninjs-types.js';
export { DATE_ONLY_TIME_ZONE } from './story-times.js';
export { MEDIA_TOPIC_SCHEME } from './iptc.js';
export {
  renderStoryList,
  type StoryListPage,
  type StoryListDocument,
} from './render-story-list.js';
export { renderOpml, OPML_CONTENT_TYPE, type OpmlOptions } from './render-opml.js';
export { renderIndexPage, type IndexPageInput } from './render-index-page.js';
export { renderStoryPage } from './render-story-page.js';
export { renderErrorPage } from './render-error-page.js';
export {
  storyUrl,
  feedUrl,
  homeUrl,
  topicFeedKey,
  topicFeedUrl,
  archiveFeedUrl,
  ninjsUrl,
  opmlUrl,
  storiesApiUrl,
  type StoryListQuery,
} from './urls.js';
export { escapeMarkup, stripInvalidChars } from '@bulletin/markup';
export { RenderError, type RenderErrorCode } from './render-error.js';
export {
  FEED_CONTENT_TYPES,
  FEED_FORMATS,
  DEFAULT_LANGUAGE,
  type FeedFormat,
  type FeedDescriptor,
  type FeedArchiveLinks,
  type FeedRenderOptions,
  type RenderContext,
} from './render-types.js';
export { PAGE_CONTENT_SECURITY_POLICY } from '@bulletin/markup';

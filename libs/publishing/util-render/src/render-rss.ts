import type { Story } from '@bulletin/story';
import { Feed } from 'feed';
import { buildFeedView, type FeedItemView } from './feed-view.js';
import type { FeedDescriptor, RenderContext } from './render-types.js';
import { escapeMarkup } from '@bulletin/markup';
import { TextTokens } from './text-tokens.js';

function addItem(rss: Feed, tokens: TextTokens, item: FeedItemView, scheme: string): void {
  rss.addItem({
    // RSS titles are plain text to most readers; the XML escaping alone keeps them inert.
    title: tokens.add(item.title),
    // Passed as `guid` so `feed` writes isPermaLink="false": the URI is an id, not a page.
    guid: tokens.add(item.id),
    link: tokens.add(item.url),
    date: item.updated,
    published: item.published,
    // <description> is HTML to readers, and the summary is plain text: escape it as HTML.
    description: item.summary === '' ? undefined : tokens.add(escapeMarkup(item.summary)),
    content: tokens.add(item.contentHtml),
    category: item.tags.map((tag) => ({ name: tokens.add(tag.name), domain: scheme })),
    // RSS <author> must be an e-mail address; a name belongs in dc:creator, whose namespace
    // `feed` declares whenever items carry content (ours always do).
    extensions: [{ name: 'dc:creator', objects: { _text: tokens.add(item.author) } }],
  });
}

/**
 * Renders an RSS 2.0 feed: channel title, link, description, language, lastBuildDate and an
 * `atom:link rel="self"`; per item title, link, `guid isPermaLink="false"` (the story URI),
 * RFC 822 pubDate (first publication), description (summary), content:encoded (body),
 * dc:creator and one category per topic. Stories keep their order.
 * @example renderRss({ key: 'all', title: 'bulletin', description: 'Every story' }, stories, ctx)
 */
export function renderRss(
  feed: FeedDescriptor,
  stories: readonly Story[],
  ctx: RenderContext,
): string {
  const view = buildFeedView('rss', feed, stories, ctx);
  const tokens = new TextTokens();
  const rss = new Feed({
    title: tokens.add(view.title),
    description: tokens.add(view.description),
    link: tokens.add(view.homeUrl),
    feed: tokens.add(view.selfUrl),
    language: tokens.add(view.language),
    generator: tokens.add(view.siteTitle),
    updated: view.updated,
  });
  if (view.category) rss.addCategory(tokens.add(view.category.name));
  // One token for the scheme every category shares.
  const scheme = tokens.add(view.topicScheme);
  for (const item of view.items) addItem(rss, tokens, item, scheme);
  return tokens.restore(rss.rss2());
}

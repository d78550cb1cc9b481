import type { Story } from '@bulletin/story';
import { Feed } from 'feed';
import { buildFeedView, type FeedItemView } from './feed-view.js';
import type { FeedDescriptor, RenderContext } from './render-types.js';
import { escapeMarkup } from '@bulletin/markup';
import { TextTokens } from './text-tokens.js';

function addEntry(atom: Feed, tokens: TextTokens, item: FeedItemView, scheme: string): void {
  atom.addItem({
    // `feed` marks entry titles and summaries type="html", and ours are plain text: escape
    // them as HTML so a headline's `<script>` stays text in every reader.
    title: tokens.add(escapeMarkup(item.title)),
    id: tokens.add(item.id),
    link: tokens.add(item.url),
    date: item.updated,
    published: item.published,
    description: item.summary === '' ? undefined : tokens.add(escapeMarkup(item.summary)),
    content: tokens.add(item.contentHtml),
    // RFC 4287 needs an author on every entry unless the feed has one; give both.
    author: [{ name: tokens.add(item.author) }],
    category: item.tags.map((tag) => ({
      term: tokens.add(tag.slug),
      name: tokens.add(tag.name),
      scheme,
    })),
  });
}

/**
 * Renders an Atom 1.0 feed (RFC 4287): feed id (its own URL), title, subtitle, updated, author,
 * self and alternate links; per entry id (the story URI), title, link to our story page,
 * updated, published, author, summary, content and one category per topic.
 * Stories keep their order.
 * @example renderAtom({ key: 'all', title: 'bulletin', description: 'Every story' }, stories, ctx)
 */
export function renderAtom(
  feed: FeedDescriptor,
  stories: readonly Story[],
  ctx: RenderContext,
): string {
  const view = buildFeedView('atom', feed, stories, ctx);
  const tokens = new TextTokens();
  const atom = new Feed({
    id: tokens.add(view.selfUrl),
    title: tokens.add(view.title),
    description: tokens.add(view.description),
    link: tokens.add(view.homeUrl),
    feed: tokens.add(view.selfUrl),
    author: { name: tokens.add(view.siteTitle) },
    generator: tokens.add(view.siteTitle),
    updated: view.updated,
  });
  if (view.category) atom.addCategory(tokens.add(view.category.slug));
  // One token for the scheme every category shares.
  const scheme = tokens.add(view.topicScheme);
  for (const item of view.items) addEntry(atom, tokens, item, scheme);
  return tokens.restore(atom.atom1());
}

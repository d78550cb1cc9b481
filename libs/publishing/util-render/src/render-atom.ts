import { escapeMarkup } from '@bulletin/markup';
import type { Story } from '@bulletin/story';
import { Feed } from 'feed';
import { archiveLines, HISTORY_NAMESPACE, isArchiveDocument } from './archive-links.js';
import { buildFeedView, type FeedItemView, type FeedView } from './feed-view.js';
import { MEDIA_TOPIC_SCHEME } from './iptc.js';
import type { FeedDescriptor, FeedRenderOptions, RenderContext } from './render-types.js';
import { TextTokens } from './text-tokens.js';
import { addRootAttributes, insertAfterLine } from './xml-splice.js';

interface Schemes {
  readonly topics: string;
  readonly mediaTopics: string;
}

function categories(tokens: TextTokens, item: FeedItemView, schemes: Schemes) {
  return item.tags.flatMap((tag) => {
    const name = tokens.add(tag.name);
    return [
      { term: tokens.add(tag.slug), name, scheme: schemes.topics },
      ...tag.mediaTopics.map((topic) => ({
        term: tokens.add(topic.code),
        name,
        scheme: schemes.mediaTopics,
      })),
    ];
  });
}

function addEntry(atom: Feed, tokens: TextTokens, item: FeedItemView, schemes: Schemes): void {
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
    category: categories(tokens, item, schemes),
  });
}

function layOut(view: FeedView, tokens: TextTokens): string {
  const self = tokens.add(view.selfUrl);
  const atom = new Feed({
    // One id for every document of the feed: archives are parts of the same logical feed.
    id: tokens.add(view.feedUrl),
    title: tokens.add(view.title),
    description: tokens.add(view.description),
    link: tokens.add(view.homeUrl),
    feed: self,
    hub: view.hubUrl === undefined ? undefined : tokens.add(view.hubUrl),
    author: { name: tokens.add(view.siteTitle) },
    generator: tokens.add(view.siteTitle),
    updated: view.updated,
  });
  if (view.category) atom.addCategory(tokens.add(view.category.slug));
  const schemes = {
    topics: tokens.add(view.topicScheme),
    mediaTopics: tokens.add(MEDIA_TOPIC_SCHEME),
  };
  for (const item of view.items) addEntry(atom, tokens, item, schemes);
  const lines = archiveLines(
    view,
    tokens,
    (rel, href) => `<link rel="${rel}" type="application/atom+xml" href="${href}"/>`,
  );
  const xml = insertAfterLine(atom.atom1(), `<link rel="self" href="${self}"/>`, lines);
  const namespaces: [string, string][] = isArchiveDocument(view)
    ? [['xmlns:fh', HISTORY_NAMESPACE]]
    : [];
  return addRootAttributes(xml, '<feed xmlns="http://www.w3.org/2005/Atom"', namespaces);
}

/**
 * Renders an Atom 1.0 feed (RFC 4287): feed id (the subscription URL, shared by its archive
 * documents), title, subtitle, updated (the newest entry's), author, alternate and self links,
 * a hub link when the context names one and RFC 5005 archive links when given; per entry id
 * (the story URI), title, link to our story page, updated, published, author, summary,
 * content (figures with credits, then the body), a category per topic and per IPTC Media
 * Topic code. Only `usable` stories are listed, in the order given.
 * @example renderAtom({ key: 'all', title: 'bulletin', description: 'Every story' }, stories, ctx)
 */
export function renderAtom(
  feed: FeedDescriptor,
  stories: readonly Story[],
  ctx: RenderContext,
  options: FeedRenderOptions = {},
): string {
  const view = buildFeedView('atom', feed, stories, ctx, options);
  const tokens = new TextTokens();
  return tokens.restore(layOut(view, tokens));
}

import { escapeMarkup } from '@bulletin/markup';
import type { Story } from '@bulletin/story';
import { Feed } from 'feed';
import { archiveLines, HISTORY_NAMESPACE, isArchiveDocument } from './archive-links.js';
import { buildFeedView, type FeedItemView, type FeedView, type ImageView } from './feed-view.js';
import { MEDIA_TOPIC_SCHEME } from './iptc.js';
import type { FeedDescriptor, FeedRenderOptions, RenderContext } from './render-types.js';
import { TextTokens } from './text-tokens.js';
import { addRootAttributes, insertAfterLine } from './xml-splice.js';

/** Media RSS, for each image with its caption and credit. */
const MEDIA_NAMESPACE = 'http://search.yahoo.com/mrss/';

interface Schemes {
  readonly topics: string;
  readonly mediaTopics: string;
}

function mediaContent(tokens: TextTokens, image: ImageView): Record<string, unknown> {
  const element: Record<string, unknown> = {
    _attributes: { url: tokens.add(image.url), medium: 'image' },
  };
  if (image.caption !== '') {
    element['media:description'] = {
      _attributes: { type: 'plain' },
      _text: tokens.add(image.caption),
    };
  }
  if (image.credit !== '') element['media:credit'] = { _text: tokens.add(image.credit) };
  return element;
}

function categories(tokens: TextTokens, item: FeedItemView, schemes: Schemes) {
  return item.tags.flatMap((tag) => [
    { name: tokens.add(tag.name), domain: schemes.topics },
    ...tag.mediaTopics.map((topic) => ({
      name: tokens.add(topic.code),
      domain: schemes.mediaTopics,
    })),
  ]);
}

function addItem(rss: Feed, tokens: TextTokens, item: FeedItemView, schemes: Schemes): void {
  const media = item.images.map((image) => mediaContent(tokens, image));
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
    category: categories(tokens, item, schemes),
    // `feed` never writes enclosures for us: it leaves their titles unescaped and throws on
    // relative URLs. Images travel as media:content instead.
    extensions: [
      // RSS <author> must be an e-mail address; a name belongs in dc:creator, whose namespace
      // `feed` declares whenever items carry content (ours always do).
      { name: 'dc:creator', objects: { _text: tokens.add(item.author) } },
      // RSS has no updated time; atom:updated is the one the W3C validator knows.
      { name: 'atom:updated', objects: { _text: item.updated.toISOString() } },
      // xml-js writes an array as repeated elements, one media:content per image; `feed`'s
      // type admits only one object.
      ...(media.length === 0
        ? []
        : [{ name: 'media:content', objects: media as unknown as Record<string, unknown> }]),
      // Media RSS allows media:credit on the item itself: a credit whose picture has no address.
      ...(item.pictureCredits.length === 0
        ? []
        : [
            {
              name: 'media:credit',
              objects: item.pictureCredits.map((credit) => ({
                _text: tokens.add(credit),
              })) as unknown as Record<string, unknown>,
            },
          ]),
    ],
  });
}

function rootAttributes(view: FeedView): [string, string][] {
  const attributes: [string, string][] = [];
  if (view.items.some((item) => item.images.length > 0 || item.pictureCredits.length > 0)) {
    attributes.push(['xmlns:media', MEDIA_NAMESPACE]);
  }
  if (isArchiveDocument(view)) attributes.push(['xmlns:fh', HISTORY_NAMESPACE]);
  return attributes;
}

function layOut(view: FeedView, tokens: TextTokens): string {
  const self = tokens.add(view.selfUrl);
  const rss = new Feed({
    title: tokens.add(view.title),
    description: tokens.add(view.description),
    link: tokens.add(view.homeUrl),
    feed: self,
    hub: view.hubUrl === undefined ? undefined : tokens.add(view.hubUrl),
    language: tokens.add(view.language),
    generator: tokens.add(view.siteTitle),
    updated: view.updated,
  });
  if (view.category) rss.addCategory(tokens.add(view.category.name));
  // One token for each scheme every category shares.
  const schemes = {
    topics: tokens.add(view.topicScheme),
    mediaTopics: tokens.add(MEDIA_TOPIC_SCHEME),
  };
  for (const item of view.items) addItem(rss, tokens, item, schemes);
  const lines = archiveLines(
    view,
    tokens,
    (rel, href) => `<atom:link href="${href}" rel="${rel}" type="application/rss+xml"/>`,
  );
  const selfLine = `<atom:link href="${self}" rel="self" type="application/rss+xml"/>`;
  const xml = insertAfterLine(rss.rss2(), selfLine, lines);
  return addRootAttributes(xml, '<rss version="2.0"', rootAttributes(view));
}

/**
 * Renders an RSS 2.0 feed: channel title, link, description, language, lastBuildDate (the
 * newest item's update), `atom:link` to itself, to the WebSub hub when the context names one,
 * and RFC 5005 archive links when given; per item title, link (our story page),
 * `guid isPermaLink="false"` (the story URI), RFC 822 pubDate (first publication),
 * `atom:updated`, description (summary), content:encoded (figures with credits, then the body),
 * dc:creator, a category per topic and per IPTC Media Topic code, and a `media:content` per
 * image with its caption and credit. Only `usable` stories are listed, in the order given.
 * @example renderRss({ key: 'all', title: 'bulletin', description: 'Every story' }, stories, ctx)
 */
export function renderRss(
  feed: FeedDescriptor,
  stories: readonly Story[],
  ctx: RenderContext,
  options: FeedRenderOptions = {},
): string {
  const view = buildFeedView('rss', feed, stories, ctx, options);
  const tokens = new TextTokens();
  return tokens.restore(layOut(view, tokens));
}

import { isHttpUrl, stripInvalidChars as clean } from '@bulletin/markup';
import { storyBodyHtml, type Story, type StoryImage, type Subject } from '@bulletin/story';
import { buildArchiveView, type ArchiveView } from './archive-view.js';
import { renderFigureHtml } from './figure-html.js';
import { mediaTopic, type MediaTopic } from './iptc.js';
import { parseInstant } from './parse-instant.js';
import {
  DEFAULT_LANGUAGE,
  type FeedDescriptor,
  type FeedFormat,
  type FeedRenderOptions,
  type RenderContext,
} from './render-types.js';
import { storyTimes } from './story-times.js';
import { toUri, requireHttpUrl } from './uri.js';
import { feedUrl, homeUrl, storyUrl, topicSchemeUrl } from './urls.js';

/** One topic of an item, with the IPTC Media Topics it stands for. */
export interface TagView {
  readonly slug: string;
  readonly name: string;
  readonly mediaTopics: readonly MediaTopic[];
}

/** An image with an http(s) address; caption and credit are plain text, possibly empty. */
export interface ImageView {
  readonly url: string;
  readonly caption: string;
  readonly credit: string;
}

/**
 * A story as every feed format sees it. Every string is already free of characters XML
 * forbids, and dates are parsed once, so the three renderers only arrange and escape.
 */
export interface FeedItemView {
  /** The story's stable URI, as a valid URI: Atom `id`, RSS `guid`, JSON `id`. */
  readonly id: string;
  /** Our page for the story. */
  readonly url: string;
  readonly externalUrl?: string;
  /** Plain text. */
  readonly title: string;
  /** Plain text; may be empty. */
  readonly summary: string;
  /** The images as figures (with captions and credits), then the body sanitised upstream. */
  readonly contentHtml: string;
  readonly published: Date;
  readonly updated: Date;
  /** Byline, else the source's name: never empty, so Atom entries always have an author. */
  readonly author: string;
  readonly language: string;
  readonly tags: readonly TagView[];
  readonly images: readonly ImageView[];
  /** Credits of pictures the wire sent without an address: item-level `media:credit` in RSS. */
  readonly pictureCredits: readonly string[];
}

/** A feed as every format sees it. */
export interface FeedView {
  readonly title: string;
  readonly description: string;
  readonly siteTitle: string;
  readonly language: string;
  readonly homeUrl: string;
  /** This document's URL: the subscription URL, or the archive document's own. */
  readonly selfUrl: string;
  /** The subscription document's URL: the feed's id in every document of it. */
  readonly feedUrl: string;
  readonly hubUrl?: string;
  readonly archive: ArchiveView;
  /** Atom category scheme / RSS category domain of our topics. */
  readonly topicScheme: string;
  /** Newest update of the items, else the context's `emptyUpdated`. */
  readonly updated: Date;
  readonly category?: { readonly slug: string; readonly name: string };
  readonly items: readonly FeedItemView[];
}

function toTagView(subject: Subject): TagView {
  const mediaTopics = subject.codes.map(mediaTopic).filter((topic) => topic !== undefined);
  return { slug: clean(subject.slug), name: clean(subject.name), mediaTopics };
}

function toImageViews(images: readonly StoryImage[]): ImageView[] {
  return images
    .filter((image) => isHttpUrl(image.href))
    .map((image) => ({
      // Third-party addresses: percent-encoded so a stray quote or space cannot break the link.
      url: toUri(clean(image.href ?? '')),
      caption: clean(image.caption?.trim() ?? ''),
      credit: clean(image.credit?.trim() ?? ''),
    }));
}

function toItemView(story: Story, baseUrl: string): FeedItemView {
  const times = storyTimes(story);
  const figures = story.images.map(renderFigureHtml).join('');
  return {
    id: toUri(clean(story.uri)),
    url: clean(storyUrl(baseUrl, story.id)),
    externalUrl: isHttpUrl(story.link) ? toUri(clean(story.link)) : undefined,
    title: clean(story.headline),
    summary: clean(story.summary),
    contentHtml: figures + clean(storyBodyHtml(story)),
    published: times.published,
    updated: times.updated,
    author: clean(story.byline?.trim() || story.source.name),
    language: clean(story.language),
    tags: story.subjects.map(toTagView),
    images: toImageViews(story.images),
    pictureCredits: story.images
      .filter((image) => !isHttpUrl(image.href) && image.credit?.trim())
      .map((image) => clean(image.credit?.trim() ?? '')),
  };
}

function newestUpdate(items: readonly FeedItemView[], emptyUpdated: string): Date {
  // Parsed even when unused, so a bad setting fails on the first render, not the first empty feed.
  let newest = parseInstant(emptyUpdated, 'emptyUpdated');
  for (const [index, item] of items.entries()) {
    if (index === 0 || item.updated.getTime() > newest.getTime()) newest = item.updated;
  }
  return newest;
}

/**
 * Builds the format-neutral view of a feed, keeping the stories' order. Only `usable` stories
 * are kept: a withheld or killed story never reaches a feed, even if a caller passes it.
 * @throws RenderError `RENDER_INVALID_URL` for a relative base, hub or archive URL.
 */
export function buildFeedView(
  format: FeedFormat,
  feed: FeedDescriptor,
  stories: readonly Story[],
  ctx: RenderContext,
  options: FeedRenderOptions = {},
): FeedView {
  const baseUrl = requireHttpUrl(ctx.baseUrl, 'baseUrl');
  const items = stories
    .filter((story) => story.pubstatus === 'usable')
    .map((story) => toItemView(story, baseUrl));
  const subscription = clean(feedUrl(baseUrl, feed.key, format));
  const archive = buildArchiveView(options.archive);
  const category = feed.category;
  return {
    title: clean(feed.title),
    description: clean(feed.description),
    siteTitle: clean(ctx.siteTitle),
    language: clean(ctx.language ?? DEFAULT_LANGUAGE),
    homeUrl: clean(homeUrl(baseUrl)),
    selfUrl: archive.archiveUrl ?? subscription,
    feedUrl: subscription,
    hubUrl: ctx.hubUrl === undefined ? undefined : clean(requireHttpUrl(ctx.hubUrl, 'hubUrl')),
    archive,
    topicScheme: clean(topicSchemeUrl(baseUrl)),
    updated: newestUpdate(items, ctx.emptyUpdated),
    category: category && { slug: clean(category.slug), name: clean(category.name) },
    items,
  };
}

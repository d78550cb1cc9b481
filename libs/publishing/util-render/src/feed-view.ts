import type { Story } from '@bulletin/story';
import { parseInstant } from './parse-instant.js';
import {
  DEFAULT_LANGUAGE,
  type FeedDescriptor,
  type FeedFormat,
  type RenderContext,
} from './render-types.js';
import { isHttpUrl, stripInvalidChars as clean } from '@bulletin/markup';
import { feedUrl, homeUrl, storyUrl, topicSchemeUrl } from './urls.js';

/** One topic of an item. */
export interface TagView {
  readonly slug: string;
  readonly name: string;
}

/**
 * A story as every feed format sees it. Every string is already free of characters XML
 * forbids, and dates are parsed once, so the three renderers only arrange and escape.
 */
export interface FeedItemView {
  /** The story's stable URI: Atom `id`, RSS `guid`, JSON `id`. */
  readonly id: string;
  /** Our page for the story. */
  readonly url: string;
  readonly externalUrl?: string;
  /** Plain text. */
  readonly title: string;
  /** Plain text; may be empty. */
  readonly summary: string;
  /** Trusted, sanitised upstream. */
  readonly contentHtml: string;
  readonly published: Date;
  readonly publishedIso: string;
  readonly updated: Date;
  readonly updatedIso: string;
  /** Byline, else the source's name: never empty, so Atom entries always have an author. */
  readonly author: string;
  readonly language: string;
  readonly tags: readonly TagView[];
  readonly imageUrl?: string;
}

/** A feed as every format sees it. */
export interface FeedView {
  readonly title: string;
  readonly description: string;
  readonly siteTitle: string;
  readonly language: string;
  readonly homeUrl: string;
  readonly selfUrl: string;
  /** Atom category scheme / RSS category domain. */
  readonly topicScheme: string;
  /** Newest `versioncreated` of the items, else the context's `emptyUpdated`. */
  readonly updated: Date;
  readonly category?: TagView;
  readonly items: readonly FeedItemView[];
}

function toItemView(story: Story, baseUrl: string): FeedItemView {
  const image = story.images.find((candidate) => isHttpUrl(candidate.href));
  return {
    id: clean(story.uri),
    url: clean(storyUrl(baseUrl, story.id)),
    externalUrl: isHttpUrl(story.link) ? clean(story.link) : undefined,
    title: clean(story.headline),
    summary: clean(story.summary),
    contentHtml: clean(story.bodyHtml),
    published: parseInstant(story.firstcreated, `story ${story.id} firstcreated`),
    publishedIso: clean(story.firstcreated),
    updated: parseInstant(story.versioncreated, `story ${story.id} versioncreated`),
    updatedIso: clean(story.versioncreated),
    author: clean(story.byline?.trim() || story.source.name),
    language: clean(story.language),
    tags: story.subjects.map((subject) => ({
      slug: clean(subject.slug),
      name: clean(subject.name),
    })),
    imageUrl: image?.href === undefined ? undefined : clean(image.href),
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

/** Builds the format-neutral view of a feed, keeping the stories' order. */
export function buildFeedView(
  format: FeedFormat,
  feed: FeedDescriptor,
  stories: readonly Story[],
  ctx: RenderContext,
): FeedView {
  const items = stories.map((story) => toItemView(story, ctx.baseUrl));
  const category = feed.category;
  return {
    title: clean(feed.title),
    description: clean(feed.description),
    siteTitle: clean(ctx.siteTitle),
    language: clean(ctx.language ?? DEFAULT_LANGUAGE),
    homeUrl: clean(homeUrl(ctx.baseUrl)),
    selfUrl: clean(feedUrl(ctx.baseUrl, feed.key, format)),
    topicScheme: clean(topicSchemeUrl(ctx.baseUrl)),
    updated: newestUpdate(items, ctx.emptyUpdated),
    category: category && { slug: clean(category.slug), name: clean(category.name) },
    items,
  };
}

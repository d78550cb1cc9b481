import { renderHtmlDocument, toMarkupText as text } from '@bulletin/markup';
import type { Story } from '@bulletin/story';
import { renderFeedAlternates, renderFormatLinks, renderStoryTime } from './page-parts.js';
import { RenderError } from './render-error.js';
import { DEFAULT_LANGUAGE, type FeedDescriptor, type RenderContext } from './render-types.js';
import { opmlUrl, storyUrl } from './urls.js';

/** What the index page lists. */
export interface IndexPageInput {
  /** Every feed, in the order to show them (the all-stories feed first, then topics). */
  feeds: readonly FeedDescriptor[];
  /** The latest published stories, newest first; only `usable` ones are shown. */
  latest: readonly Story[];
}

function renderSubscribe(ctx: RenderContext): string {
  const email =
    ctx.subscribeUrl === undefined
      ? []
      : [`<li><a href="${text(ctx.subscribeUrl)}">Get the newsletter by e-mail</a></li>`];
  return [
    '<section aria-labelledby="subscribe">',
    '<h2 id="subscribe">Subscribe</h2>',
    `<ul class="subscribe">${email.join('')}` +
      `<li><a href="${text(opmlUrl(ctx.baseUrl))}" type="text/x-opml">Every feed at once (OPML)</a></li></ul>`,
    '</section>',
  ].join('\n');
}

function renderFeedList(feeds: readonly FeedDescriptor[], ctx: RenderContext): string {
  const items = feeds.map(
    (feed) =>
      `<li><h3>${text(feed.title)}</h3><p class="meta">${text(feed.description)}</p>` +
      `${renderFormatLinks(ctx.baseUrl, feed)}</li>`,
  );
  return [
    '<section aria-labelledby="feeds">',
    '<h2 id="feeds">Feeds</h2>',
    `<ul class="feeds">${items.join('\n')}</ul>`,
    '</section>',
  ].join('\n');
}

function renderStoryItem(story: Story, ctx: RenderContext): string {
  const time = renderStoryTime(
    story.firstcreated,
    `story ${story.id} firstcreated`,
    story.dateOnly === true,
  );
  const summary = story.summary.trim() ? `<p>${text(story.summary)}</p>` : '';
  return (
    `<li><h3><a href="${text(storyUrl(ctx.baseUrl, story.id))}">${text(story.headline)}</a></h3>` +
    `<p class="meta">${time} · ${text(story.source.name)}</p>${summary}</li>`
  );
}

function renderLatest(latest: readonly Story[], ctx: RenderContext): string {
  const usable = latest.filter((story) => story.pubstatus === 'usable');
  const list =
    usable.length === 0
      ? '<p>No stories yet.</p>'
      : `<ol class="stories">${usable.map((story) => renderStoryItem(story, ctx)).join('\n')}</ol>`;
  return [
    '<section aria-labelledby="latest">',
    '<h2 id="latest">Latest stories</h2>',
    list,
    '</section>',
  ].join('\n');
}

function checkSubscribeUrl(url: string | undefined): void {
  if (url === undefined || /^(?:https?:\/\/[^\s]|mailto:[^\s])/i.test(url)) return;
  throw new RenderError(
    'RENDER_INVALID_URL',
    `subscribeUrl must be an absolute http(s) or mailto: URL: ${JSON.stringify(url)}`,
  );
}

/**
 * Renders the home page (`GET /`): every feed with its Atom, RSS and JSON Feed links (and all
 * of them as `<link rel="alternate">` autodiscovery in the head), a link to subscribe by
 * e-mail at `ctx.subscribeUrl` when given, the OPML list, and the latest stories. Readable
 * at phone and desktop widths; no script, the style allowed by its hash.
 * @example reply.type('text/html; charset=utf-8').send(renderIndexPage({ feeds, latest }, ctx));
 * @throws RenderError `RENDER_INVALID_URL` for a subscribe URL that is not http(s) or mailto:;
 * `RENDER_INVALID_DATE` for a story date that does not parse.
 */
export function renderIndexPage(input: IndexPageInput, ctx: RenderContext): string {
  checkSubscribeUrl(ctx.subscribeUrl);
  const body = [
    '<main>',
    `<h1>${text(ctx.siteTitle)}</h1>`,
    renderSubscribe(ctx),
    renderFeedList(input.feeds, ctx),
    renderLatest(input.latest, ctx),
    '</main>',
  ];
  return renderHtmlDocument({
    lang: ctx.language ?? DEFAULT_LANGUAGE,
    title: ctx.siteTitle,
    headHtml: renderFeedAlternates(ctx.baseUrl, input.feeds).join('\n'),
    bodyHtml: body.join('\n'),
  });
}

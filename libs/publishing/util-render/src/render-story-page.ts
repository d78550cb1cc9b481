import {
  isHttpUrl,
  renderHtmlDocument,
  stripInvalidChars,
  toMarkupText as text,
} from '@bulletin/markup';
import { storyBodyHtml, type Story } from '@bulletin/story';
import { renderFigureHtml } from './figure-html.js';
import {
  renderFeedAlternates,
  renderSiteHeader,
  renderStoryTime,
  type FeedLink,
} from './page-parts.js';
import type { RenderContext } from './render-types.js';
import { ninjsUrl, storyUrl, topicFeedKey, topicFeedUrl } from './urls.js';

function topicFeeds(story: Story, ctx: RenderContext): FeedLink[] {
  return story.subjects.map((subject) => ({
    key: topicFeedKey(subject.slug),
    title: `${ctx.siteTitle}: ${subject.name}`,
  }));
}

function renderHead(story: Story, ctx: RenderContext): string {
  return [
    `<link rel="canonical" href="${text(storyUrl(ctx.baseUrl, story.id))}">`,
    ...renderFeedAlternates(ctx.baseUrl, topicFeeds(story, ctx)),
    `<link rel="alternate" type="application/json" title="${text(`${story.headline} (ninjs)`)}"` +
      ` href="${text(ninjsUrl(ctx.baseUrl, story.id))}">`,
  ].join('\n');
}

function renderTime(story: Story, field: 'firstcreated' | 'versioncreated'): string {
  return renderStoryTime(story[field], `story ${story.id} ${field}`, story.dateOnly === true);
}

function renderMeta(story: Story): string {
  const byline = story.byline?.trim() ? `<span class="byline">${text(story.byline)}</span> · ` : '';
  const updated =
    story.versioncreated === story.firstcreated
      ? ''
      : ` · Updated ${renderTime(story, 'versioncreated')}`;
  return (
    `<p class="meta">${byline}<span class="source">${text(story.source.name)}</span>` +
    ` · Published ${renderTime(story, 'firstcreated')}${updated}</p>`
  );
}

function renderTopics(story: Story, ctx: RenderContext): string {
  if (story.subjects.length === 0) return '';
  const links = story.subjects.map(
    (subject) =>
      `<li><a href="${text(topicFeedUrl(ctx.baseUrl, subject.slug, 'atom'))}" type="application/atom+xml">` +
      `${text(subject.name)}</a></li>`,
  );
  return `<nav aria-label="Topics"><span class="label">Topic feeds:</span><ul class="topics">${links.join('')}</ul></nav>`;
}

const ENTITY_LISTS = [
  ['people', 'People'],
  ['organisations', 'Organisations'],
  ['places', 'Places'],
] as const;

/** The people, organisations and places named, each list only when it has someone in it. */
function renderEntities(story: Story): string {
  const lists = ENTITY_LISTS.filter(([field]) => story[field].length > 0).map(
    ([field, label]) =>
      `<dt>${label}</dt><dd><ul class="${field}">` +
      story[field].map((entity) => `<li>${text(entity.name)}</li>`).join('') +
      '</ul></dd>',
  );
  if (lists.length === 0) return '';
  return `<section class="entities" aria-label="In this story"><dl>${lists.join('')}</dl></section>`;
}

function renderOriginalLink(story: Story): string {
  if (!isHttpUrl(story.link)) return '';
  return (
    `<p class="original"><a href="${text(story.link)}" rel="nofollow noopener">` +
    `Read the original at ${text(story.source.name)}</a></p>`
  );
}

/**
 * Renders a story's own page: a complete, accessible HTML5 document in the story's language,
 * with its headline, byline, dates (a date-only story shows the date alone), topics (each
 * linking to the topic's Atom feed, and each topic's Atom, RSS and JSON feeds advertised as
 * alternates in the head, with the story's ninjs document), images with captions and credits,
 * the body, the people, organisations and places it names, and a link to the original.
 * Every text value is escaped; `bodyHtml` is inserted as is, being sanitised upstream.
 * @example reply.type('text/html; charset=utf-8').send(renderStoryPage(story, ctx));
 */
export function renderStoryPage(story: Story, ctx: RenderContext): string {
  const body = [
    renderSiteHeader(ctx.baseUrl, ctx.siteTitle),
    '<main>',
    '<article>',
    `<h1>${text(story.headline)}</h1>`,
    renderMeta(story),
    renderTopics(story, ctx),
    ...story.images.map(renderFigureHtml),
    `<div class="body">${stripInvalidChars(storyBodyHtml(story))}</div>`,
    renderEntities(story),
    renderOriginalLink(story),
    '</article>',
    '</main>',
  ];
  return renderHtmlDocument({
    lang: story.language,
    title: `${story.headline} — ${ctx.siteTitle}`,
    headHtml: renderHead(story, ctx),
    bodyHtml: body.filter((part) => part !== '').join('\n'),
  });
}

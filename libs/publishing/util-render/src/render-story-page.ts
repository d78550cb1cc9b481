import {
  isHttpUrl,
  renderHtmlDocument,
  stripInvalidChars,
  toMarkupText as text,
} from '@bulletin/markup';
import type { Story, StoryImage } from '@bulletin/story';
import { formatDisplayDate } from './format-display-date.js';
import type { RenderContext } from './render-types.js';
import { storyUrl, topicFeedUrl } from './urls.js';

function renderHead(story: Story, ctx: RenderContext): string {
  const alternates = story.subjects.map(
    (subject) =>
      `<link rel="alternate" type="application/atom+xml" title="${text(`${ctx.siteTitle}: ${subject.name}`)}"` +
      ` href="${text(topicFeedUrl(ctx.baseUrl, subject.slug, 'atom'))}">`,
  );
  return [
    `<link rel="canonical" href="${text(storyUrl(ctx.baseUrl, story.id))}">`,
    ...alternates,
  ].join('\n');
}

function renderTime(iso: string, field: string): string {
  return `<time datetime="${text(iso)}">${text(formatDisplayDate(iso, field))}</time>`;
}

function renderMeta(story: Story): string {
  const byline = story.byline?.trim() ? `<span class="byline">${text(story.byline)}</span> · ` : '';
  const updated =
    story.versioncreated === story.firstcreated
      ? ''
      : ` · Updated ${renderTime(story.versioncreated, `story ${story.id} versioncreated`)}`;
  return (
    `<p class="meta">${byline}<span class="source">${text(story.source.name)}</span>` +
    ` · Published ${renderTime(story.firstcreated, `story ${story.id} firstcreated`)}${updated}</p>`
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

function renderFigure(image: StoryImage): string {
  if (!isHttpUrl(image.href)) return '';
  const caption = [image.caption, image.credit && `Credit: ${image.credit}`]
    .filter(Boolean)
    .join(' · ');
  return (
    `<figure><img src="${text(image.href)}" alt="${text(image.caption ?? '')}">` +
    (caption ? `<figcaption>${text(caption)}</figcaption>` : '') +
    '</figure>'
  );
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
 * with its headline, byline, dates, topics (each linking to the topic's Atom feed and
 * advertised as an alternate), images with credits, the body and a link to the original.
 * Every text value is escaped; `bodyHtml` is inserted as is, being sanitised upstream.
 * @example reply.type('text/html; charset=utf-8').send(renderStoryPage(story, ctx));
 */
export function renderStoryPage(story: Story, ctx: RenderContext): string {
  const body = [
    `<header><p class="site">${text(ctx.siteTitle)}</p></header>`,
    '<main>',
    '<article>',
    `<h1>${text(story.headline)}</h1>`,
    renderMeta(story),
    renderTopics(story, ctx),
    ...story.images.map(renderFigure),
    `<div class="body">${stripInvalidChars(story.bodyHtml)}</div>`,
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

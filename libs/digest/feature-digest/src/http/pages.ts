import { renderHtmlDocument, toMarkupText as t } from '@bulletin/markup';
import type { DigestTopic } from '@bulletin/newsletter';

/** The page of a digest route: its own origin may receive its forms, nothing else loads. */
export function page(siteTitle: string, title: string, bodyHtml: string): string {
  return renderHtmlDocument({
    lang: 'en-GB',
    title: `${title} · ${siteTitle}`,
    forms: true,
    bodyHtml: `<header><p class="site">${t(siteTitle)}</p></header>\n<main>\n<h1>${t(title)}</h1>\n${bodyHtml}\n</main>`,
  });
}

export function paragraph(text: string): string {
  return `<p>${t(text)}</p>`;
}

function topicBoxes(topics: readonly DigestTopic[], chosen: ReadonlySet<string>): string {
  return topics
    .map(
      (topic) =>
        `<li><label><input type="checkbox" name="topics" value="${t(topic.slug)}"${chosen.has(topic.slug) ? ' checked' : ''}> ${t(topic.name)}</label></li>`,
    )
    .join('\n');
}

function editionRadios(editions: readonly string[], chosen: string): string {
  return editions
    .map(
      (name) =>
        `<label><input type="radio" name="edition" value="${t(name)}"${name === chosen ? ' checked' : ''}> ${t(name)}</label>`,
    )
    .join(' ');
}

export interface FormParts {
  topics: readonly DigestTopic[];
  editions: readonly string[];
}

/** The subscribe form. */
export function subscribeForm(parts: FormParts): string {
  return [
    '<form method="post" action="/subscribe">',
    '<p><label>Email address <input type="email" name="email" required autocomplete="email"></label></p>',
    `<fieldset><legend>Topics</legend><ul class="subscribe">${topicBoxes(parts.topics, new Set())}</ul></fieldset>`,
    `<fieldset><legend>Edition</legend>${editionRadios(parts.editions, parts.editions[0] ?? '')}</fieldset>`,
    '<p><button type="submit">Subscribe</button></p>',
    '</form>',
  ].join('\n');
}

/** The preferences form of one subscriber, reached with a signed token. */
export function preferencesForm(
  parts: FormParts,
  token: string,
  edition: string,
  follows: readonly string[],
): string {
  const hidden = `<input type="hidden" name="token" value="${t(token)}">`;
  const mine = parts.topics.filter((topic) => follows.includes(topic.slug));
  const perTopic = mine
    .map(
      (topic) =>
        `<li><form method="post" action="/preferences">${hidden}<input type="hidden" name="action" value="drop-topic"><input type="hidden" name="topic" value="${t(topic.slug)}"><button type="submit">Unsubscribe from ${t(topic.name)}</button></form></li>`,
    )
    .join('\n');
  return [
    `<form method="post" action="/preferences">${hidden}<input type="hidden" name="action" value="save">`,
    `<fieldset><legend>Topics</legend><ul class="subscribe">${topicBoxes(parts.topics, new Set(follows))}</ul></fieldset>`,
    `<fieldset><legend>Edition</legend>${editionRadios(parts.editions, edition)}</fieldset>`,
    '<p><button type="submit">Save preferences</button></p></form>',
    `<ul class="subscribe">${perTopic}</ul>`,
    `<form method="post" action="/preferences">${hidden}<input type="hidden" name="action" value="unsubscribe"><p><button type="submit">Unsubscribe from everything</button></p></form>`,
  ].join('\n');
}

/** The unsubscribe page a GET shows: a button, never an unsubscribe by itself. */
export function unsubscribeButton(token: string): string {
  return [
    `<form method="post" action="/unsubscribe?token=${t(encodeURIComponent(token))}">`,
    `<input type="hidden" name="token" value="${t(token)}">`,
    '<p><button type="submit">Unsubscribe</button></p></form>',
  ].join('\n');
}

import type { Story } from '@bulletin/story';
import { link, renderEmailShell, STYLES, t } from './email-html.js';
import type { DigestSection } from './select-stories.js';
import { storiesOf } from './select-stories.js';

/** Links every digest carries for its own subscriber. */
export interface DigestLinks {
  preferences: string;
  unsubscribe: string;
}

export interface RenderDigestOptions {
  siteTitle: string;
  /** The edition's name, e.g. `daily`. */
  edition: string;
  /** Absolute base of story links, no trailing slash. */
  baseUrl: string;
  /** The run's time: the date the subject and heading name. */
  at: Date;
  /** IANA zone the date is shown in. */
  tz: string;
  sections: readonly DigestSection[];
  links: DigestLinks;
}

/** A digest message's content; the mailer adds headers and MIME. */
export interface RenderedDigest {
  subject: string;
  preheader: string;
  html: string;
  text: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateIn(tz: string, at: Date): string {
  let format = formats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    formats.set(tz, format);
  }
  return format.format(at);
}

function editionTitle(options: RenderDigestOptions): string {
  const name = options.edition.charAt(0).toUpperCase() + options.edition.slice(1);
  const date = dateIn(options.tz, options.at);
  return `${options.siteTitle} ${name}, ${date}`;
}

function storyUrl(options: RenderDigestOptions, story: Story): string {
  return `${options.baseUrl}/stories/${encodeURIComponent(story.id)}`;
}

function topicsOf(story: Story): string {
  return story.subjects.map((subject) => subject.name).join(' · ');
}

function storyRows(options: RenderDigestOptions, story: Story): string {
  return [
    `<h3 style="${STYLES.headline}">${link(storyUrl(options, story), story.headline)}</h3>`,
    story.summary ? `<p style="${STYLES.summary}">${t(story.summary)}</p>` : '',
    `<p style="${STYLES.meta}">${t(topicsOf(story))}</p>`,
  ].join('');
}

function htmlOf(options: RenderDigestOptions, title: string, preheader: string): string {
  const sections = options.sections.map(
    (section) =>
      `<h2 style="${STYLES.topic}">${t(section.topic.name)}</h2>` +
      section.stories.map((story) => storyRows(options, story)).join(''),
  );
  const rows = [
    `<tr><td style="${STYLES.cell}"><h1 style="${STYLES.title}">${t(title)}</h1></td></tr>`,
    `<tr><td style="${STYLES.cell}">${sections.join('')}</td></tr>`,
    `<tr><td style="${STYLES.footer}">You get this because you subscribed to the ${t(options.edition)} digest. ` +
      `${link(options.links.preferences, 'Change your topics or edition')} · ` +
      `${link(options.links.unsubscribe, 'Unsubscribe')}</td></tr>`,
  ];
  return renderEmailShell({ lang: 'en-GB', title, preheader, rowsHtml: rows.join('\n') });
}

function textOf(options: RenderDigestOptions, title: string): string {
  const lines = [title, '='.repeat(Math.min(title.length, 72)), ''];
  for (const section of options.sections) {
    lines.push(section.topic.name.toUpperCase(), '');
    for (const story of section.stories) {
      lines.push(story.headline);
      if (story.summary) lines.push(story.summary);
      lines.push(`Topics: ${topicsOf(story)}`, storyUrl(options, story), '');
    }
  }
  lines.push('--', `Change your topics or edition: ${options.links.preferences}`);
  lines.push(`Unsubscribe: ${options.links.unsubscribe}`, '');
  return lines.join('\n');
}

/**
 * Renders one subscriber's digest: a subject naming the edition and the lead story, a
 * preheader, HTML (table layout, inline styles, everything escaped) and plain text with the
 * same stories and the same footer links. Same input, same bytes.
 */
export function renderDigest(options: RenderDigestOptions): RenderedDigest {
  const stories = storiesOf(options.sections);
  const lead = stories[0];
  if (lead === undefined) throw new RangeError('a digest needs at least one story');
  const title = editionTitle(options);
  const others = stories.length - 1;
  const preheader =
    others === 0
      ? lead.headline
      : `${lead.headline}, and ${others} more ${others === 1 ? 'story' : 'stories'}`;
  return {
    subject: `${title}: ${lead.headline}`,
    preheader,
    html: htmlOf(options, title, preheader),
    text: textOf(options, title),
  };
}

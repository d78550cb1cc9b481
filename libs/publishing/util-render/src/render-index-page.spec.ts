import { PAGE_CONTENT_SECURITY_POLICY } from '@bulletin/markup';
import { describe, expect, it } from 'vitest';
import { renderIndexPage } from './render-index-page.js';
import type { FeedDescriptor } from './render-types.js';
import {
  buildHostileStory,
  buildRenderContext,
  buildStory,
  HOSTILE_TEXT_CLEAN,
  parseHtml,
} from './testing.js';

const ctx = buildRenderContext({
  baseUrl: 'https://news.example.org',
  subscribeUrl: 'https://news.example.org/subscribe',
});
const feeds: FeedDescriptor[] = [
  { key: 'all', title: 'bulletin: all stories', description: 'Every story' },
  {
    key: 'topics/health',
    title: 'bulletin: Health',
    description: 'Health stories',
    category: { slug: 'health', name: 'Health' },
  },
];
const latest = [
  buildStory(),
  buildStory({
    id: 'b'.repeat(20),
    headline: 'Dated only',
    dateOnly: true,
    firstcreated: '2024-06-01T00:00:00Z',
  }),
  buildStory({ id: 'k'.repeat(20), headline: 'Killed', pubstatus: 'canceled' }),
];

function page(overrides = {}) {
  return renderIndexPage({ feeds, latest, ...overrides }, ctx);
}

describe('renderIndexPage', () => {
  it('advertises every feed in every format in the head', () => {
    const html = page();
    const head = html.slice(0, html.indexOf('</head>'));
    const alternates = parseHtml(head).filter(
      (el) => el.name === 'link' && el.attribs.rel === 'alternate',
    );
    expect(alternates.map((el) => [el.attribs.type, el.attribs.href, el.attribs.title])).toEqual([
      [
        'application/atom+xml',
        'https://news.example.org/feeds/all.atom',
        'bulletin: all stories (Atom)',
      ],
      [
        'application/rss+xml',
        'https://news.example.org/feeds/all.rss',
        'bulletin: all stories (RSS)',
      ],
      [
        'application/feed+json',
        'https://news.example.org/feeds/all.json',
        'bulletin: all stories (JSON Feed)',
      ],
      [
        'application/atom+xml',
        'https://news.example.org/feeds/topics/health.atom',
        'bulletin: Health (Atom)',
      ],
      [
        'application/rss+xml',
        'https://news.example.org/feeds/topics/health.rss',
        'bulletin: Health (RSS)',
      ],
      [
        'application/feed+json',
        'https://news.example.org/feeds/topics/health.json',
        'bulletin: Health (JSON Feed)',
      ],
    ]);
  });

  it('lists each feed with its description and a link per format', () => {
    const elements = parseHtml(page());
    const lists = elements.filter((el) => el.name === 'ul' && el.attribs.class === 'formats');
    expect(lists.map((el) => el.attribs['aria-label'])).toEqual([
      'bulletin: all stories feeds',
      'bulletin: Health feeds',
    ]);
    const health = elements.filter(
      (el) => el.name === 'a' && el.attribs.href?.includes('/feeds/topics/health.'),
    );
    expect(health.map((el) => [el.text, el.attribs.type])).toEqual([
      ['Atom', 'application/atom+xml'],
      ['RSS', 'application/rss+xml'],
      ['JSON Feed', 'application/feed+json'],
    ]);
    expect(
      elements
        .filter((el) => el.name === 'h3')
        .map((el) => el.text)
        .slice(0, 2),
    ).toEqual(['bulletin: all stories', 'bulletin: Health']);
  });

  it('links e-mail subscription and the OPML list', () => {
    const links = parseHtml(page()).filter((el) => el.name === 'a');
    expect(links.find((el) => el.text === 'Get the newsletter by e-mail')?.attribs.href).toBe(
      'https://news.example.org/subscribe',
    );
    expect(links.find((el) => el.attribs.type === 'text/x-opml')?.attribs.href).toBe(
      'https://news.example.org/feeds.opml',
    );
  });

  it('leaves out the e-mail link when there is no subscribe URL, and accepts mailto:', () => {
    const none = renderIndexPage({ feeds, latest }, buildRenderContext());
    expect(none).not.toContain('newsletter');
    const mail = renderIndexPage(
      { feeds, latest },
      buildRenderContext({ subscribeUrl: 'mailto:join@news.example.org' }),
    );
    expect(mail).toContain('href="mailto:join@news.example.org"');
  });

  it('refuses a subscribe URL that could run script or is relative', () => {
    for (const subscribeUrl of ['javascript:alert(1)', '/subscribe', 'data:text/html,x']) {
      expect(() =>
        renderIndexPage({ feeds, latest }, buildRenderContext({ subscribeUrl })),
      ).toThrow(expect.objectContaining({ code: 'RENDER_INVALID_URL' }));
    }
  });

  it('lists the latest usable stories, linked, with their dates and sources', () => {
    const elements = parseHtml(page());
    const stories = elements.filter((el) => el.name === 'ol')[0];
    expect(stories?.attribs.class).toBe('stories');
    const links = elements.filter(
      (el) => el.name === 'a' && el.attribs.href?.includes('/stories/'),
    );
    expect(links.map((el) => [el.text, el.attribs.href])).toEqual([
      ['Council opens new family hub', 'https://news.example.org/stories/a1b2c3d4e5f6a7b8c9d0'],
      ['Dated only', `https://news.example.org/stories/${'b'.repeat(20)}`],
    ]);
    const times = elements.filter((el) => el.name === 'time');
    expect(times.map((el) => [el.attribs.datetime, el.text])).toEqual([
      ['2024-03-01T09:30:00Z', '1 March 2024, 09:30 UTC'],
      ['2024-06-01', '1 June 2024'],
    ]);
    expect(page()).not.toContain('Killed');
  });

  it('says so when there are no stories yet', () => {
    expect(page({ latest: [] })).toContain('<p>No stories yet.</p>');
  });

  it('is a phone-ready page under the strict CSP, with no script', () => {
    const html = page();
    const elements = parseHtml(html);
    expect(
      elements.find((el) => el.name === 'meta' && el.attribs.name === 'viewport')?.attribs.content,
    ).toBe('width=device-width, initial-scale=1');
    expect(
      elements.find(
        (el) => el.name === 'meta' && el.attribs['http-equiv'] === 'Content-Security-Policy',
      )?.attribs.content,
    ).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect(PAGE_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(elements.map((el) => el.name)).not.toContain('script');
    expect(html).not.toMatch(/ on[a-z]+=|style="/i);
  });

  it('escapes every value and reads each back exactly', () => {
    const hostileCtx = buildRenderContext({ siteTitle: `Site ${HOSTILE_TEXT_CLEAN}` });
    const html = renderIndexPage(
      {
        feeds: [
          {
            key: `topics/x"&<'`,
            title: `Feed ${HOSTILE_TEXT_CLEAN}`,
            description: `D ${HOSTILE_TEXT_CLEAN}`,
          },
        ],
        latest: [buildHostileStory()],
      },
      hostileCtx,
    );
    expect(html).not.toMatch(/<script/i);
    const elements = parseHtml(html);
    expect(elements.find((el) => el.name === 'h1')?.text).toBe(`Site ${HOSTILE_TEXT_CLEAN}`);
    expect(elements.find((el) => el.name === 'h3')?.text).toBe(`Feed ${HOSTILE_TEXT_CLEAN}`);
    expect(
      elements.find((el) => el.name === 'link' && el.attribs.rel === 'alternate')?.attribs.href,
    ).toBe(`http://localhost:3000/feeds/topics/x%22%26%3C'.atom`);
    expect(elements.filter((el) => el.name === 'h3')[1]?.text).toBe(
      `Headline ${HOSTILE_TEXT_CLEAN}`,
    );
  });

  it('renders the same bytes every time', () => {
    expect(page()).toBe(renderIndexPage(structuredClone({ feeds, latest }), { ...ctx }));
  });
});

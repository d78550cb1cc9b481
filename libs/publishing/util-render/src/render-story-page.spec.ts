import { describe, expect, it } from 'vitest';
import { renderStoryPage } from './render-story-page.js';
import {
  buildHostileStory,
  buildRenderContext,
  buildStory,
  HOSTILE_BASE_URL,
  HOSTILE_TEXT_CLEAN,
  parseHtml,
  type HtmlElement,
} from './testing.js';

function only(elements: HtmlElement[], match: (element: HtmlElement) => boolean): HtmlElement {
  const found = elements.filter(match);
  expect(found).toHaveLength(1);
  const [first] = found;
  if (!first) throw new Error('no element matched');
  return first;
}

const ctx = buildRenderContext();

describe('renderStoryPage', () => {
  it('is a complete HTML5 document in the story language', () => {
    const page = renderStoryPage(buildStory({ language: 'cy-GB' }), ctx);
    expect(page.startsWith('<!doctype html>\n<html lang="cy-GB">')).toBe(true);
    const elements = parseHtml(page);
    only(elements, (el) => el.name === 'meta' && el.attribs.charset === 'utf-8');
    only(elements, (el) => el.name === 'meta' && el.attribs.name === 'viewport');
    expect(only(elements, (el) => el.name === 'title').text).toBe(
      'Council opens new family hub — bulletin',
    );
    expect(only(elements, (el) => el.name === 'h1').text).toBe('Council opens new family hub');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('shows byline, source, and both dates as <time datetime>', () => {
    const elements = parseHtml(renderStoryPage(buildStory(), ctx));
    expect(only(elements, (el) => el.attribs.class === 'byline').text).toBe('Jo Smith');
    expect(only(elements, (el) => el.attribs.class === 'source').text).toBe('GOV.UK');
    const times = elements.filter((el) => el.name === 'time');
    expect(times.map((el) => [el.attribs.datetime, el.text])).toEqual([
      ['2024-03-01T09:30:00Z', '1 March 2024, 09:30 UTC'],
      ['2024-03-01T10:15:00Z', '1 March 2024, 10:15 UTC'],
    ]);
  });

  it('links topics to their Atom feeds and advertises every topic feed and the ninjs', () => {
    const elements = parseHtml(renderStoryPage(buildStory(), ctx));
    const topic = only(elements, (el) => el.name === 'a' && el.text === 'Child protection');
    expect(topic.attribs.href).toBe('http://localhost:3000/feeds/topics/child-protection.atom');
    const alternates = elements.filter(
      (el) => el.name === 'link' && el.attribs.rel === 'alternate',
    );
    expect(alternates.map((el) => el.attribs)).toEqual([
      {
        rel: 'alternate',
        type: 'application/atom+xml',
        title: 'bulletin: Child protection (Atom)',
        href: 'http://localhost:3000/feeds/topics/child-protection.atom',
      },
      {
        rel: 'alternate',
        type: 'application/rss+xml',
        title: 'bulletin: Child protection (RSS)',
        href: 'http://localhost:3000/feeds/topics/child-protection.rss',
      },
      {
        rel: 'alternate',
        type: 'application/feed+json',
        title: 'bulletin: Child protection (JSON Feed)',
        href: 'http://localhost:3000/feeds/topics/child-protection.json',
      },
      {
        rel: 'alternate',
        type: 'application/json',
        title: 'Council opens new family hub (ninjs)',
        href: 'http://localhost:3000/stories/a1b2c3d4e5f6a7b8c9d0.json',
      },
    ]);
    // Autodiscovery belongs in the head.
    const page = renderStoryPage(buildStory(), ctx);
    expect(page.lastIndexOf('rel="alternate"')).toBeLessThan(page.indexOf('</head>'));
  });

  it('shows a date-only story with its date alone, never an invented time', () => {
    const story = buildStory({
      dateOnly: true,
      firstcreated: '2024-05-31T23:00:00Z',
      versioncreated: '2024-06-03T00:00:00+01:00',
    });
    const page = renderStoryPage(story, ctx);
    const times = parseHtml(page).filter((el) => el.name === 'time');
    expect(times.map((el) => [el.attribs.datetime, el.text])).toEqual([
      ['2024-06-01', '1 June 2024'],
      ['2024-06-03', '3 June 2024'],
    ]);
    expect(page).not.toMatch(/UTC|00:00/);
  });

  it('links the site name home', () => {
    const elements = parseHtml(renderStoryPage(buildStory(), ctx));
    const home = only(elements, (el) => el.name === 'a' && el.text === 'bulletin');
    expect(home.attribs.href).toBe('http://localhost:3000/');
  });

  it('shows the image with its credit, the body as given, and the original link', () => {
    const page = renderStoryPage(buildStory(), ctx);
    const elements = parseHtml(page);
    expect(only(elements, (el) => el.name === 'img').attribs).toEqual({
      src: 'https://assets.gov.uk/hub.jpg',
      alt: 'The new hub',
    });
    expect(only(elements, (el) => el.name === 'figcaption').text).toBe(
      'The new hub · Credit: Crown copyright',
    );
    expect(only(elements, (el) => el.attribs.class === 'credit').text).toBe(
      'Credit: Crown copyright',
    );
    expect(page).toContain(
      '<div class="body"><p>The hub opened today.</p><p>It serves three towns.</p></div>',
    );
    const original = only(
      elements,
      (el) => el.name === 'a' && el.attribs.href === 'https://www.gov.uk/news/family-hub',
    );
    expect(original.attribs.rel).toBe('nofollow noopener');
  });

  it('lists the people, organisations and places the story names', () => {
    const story = buildStory({
      people: [{ name: 'Clive Betts' }, { name: 'Alexis Jay' }],
      organisations: [{ name: 'Ofsted' }],
      places: [],
    });
    const elements = parseHtml(renderStoryPage(story, ctx));
    const items = (cls: string) =>
      elements.filter((el) => el.name === 'ul' && el.attribs.class === cls).map((el) => el.text);
    expect(items('people')).toEqual(['Clive BettsAlexis Jay']);
    expect(items('organisations')).toEqual(['Ofsted']);
    expect(items('places')).toEqual([]);
  });

  it('leaves out what the story does not have, and never links a non-http URL', () => {
    const story = buildStory({
      byline: undefined,
      link: 'javascript:alert(1)',
      subjects: [],
      people: [],
      organisations: [],
      places: [],
      images: [{ href: 'javascript:x', credit: 'c' }],
    });
    story.versioncreated = story.firstcreated;
    const page = renderStoryPage(story, ctx);
    expect(page).not.toMatch(
      /javascript:|class="byline"|<nav|<figure|feeds\/topics|Updated|class="entities"/,
    );
    expect(parseHtml(page).filter((el) => el.name === 'time')).toHaveLength(1);
  });

  it('escapes every text value and reads each back exactly', () => {
    const hostileCtx = buildRenderContext({
      baseUrl: HOSTILE_BASE_URL,
      siteTitle: `Site ${HOSTILE_TEXT_CLEAN}`,
    });
    const story = buildHostileStory({ language: `en"><script>x</script>` });
    const page = renderStoryPage(story, hostileCtx);
    expect(page).not.toMatch(/<script|"dq"|'q'/i);
    const elements = parseHtml(page);
    const names = elements.map((el) => el.name);
    expect(names).not.toContain('script');
    for (const el of elements)
      for (const attribute of Object.keys(el.attribs)) expect(attribute).not.toMatch(/^on/);
    expect(only(elements, (el) => el.name === 'html').attribs.lang).toBe(`en"><script>x</script>`);
    expect(only(elements, (el) => el.name === 'title').text).toBe(
      `Headline ${HOSTILE_TEXT_CLEAN} — Site ${HOSTILE_TEXT_CLEAN}`,
    );
    expect(only(elements, (el) => el.name === 'h1').text).toBe(`Headline ${HOSTILE_TEXT_CLEAN}`);
    expect(only(elements, (el) => el.attribs.class === 'site').text).toBe(
      `Site ${HOSTILE_TEXT_CLEAN}`,
    );
    expect(only(elements, (el) => el.attribs.class === 'byline').text).toBe(
      `Byline ${HOSTILE_TEXT_CLEAN}`,
    );
    expect(only(elements, (el) => el.attribs.class === 'source').text).toBe(
      `Source ${HOSTILE_TEXT_CLEAN}`,
    );
    expect(
      only(elements, (el) => el.name === 'link' && el.attribs.rel === 'canonical').attribs.href,
    ).toBe(`${HOSTILE_BASE_URL}/stories/${story.id}`);
    const topicHref = `${HOSTILE_BASE_URL}/feeds/topics/slug%22%26%3C'x.atom`;
    expect(
      only(elements, (el) => el.name === 'link' && el.attribs.type === 'application/atom+xml')
        .attribs,
    ).toMatchObject({
      title: `Site ${HOSTILE_TEXT_CLEAN}: Topic ${HOSTILE_TEXT_CLEAN} (Atom)`,
      href: topicHref,
    });
    const topic = only(elements, (el) => el.name === 'a' && el.attribs.href === topicHref);
    expect(topic.text).toBe(`Topic ${HOSTILE_TEXT_CLEAN}`);
    expect(only(elements, (el) => el.name === 'img').attribs).toEqual({
      src: 'https://img.example/"&<x>.jpg',
      alt: `Caption ${HOSTILE_TEXT_CLEAN}`,
    });
    expect(only(elements, (el) => el.name === 'figcaption').text).toBe(
      `Caption ${HOSTILE_TEXT_CLEAN} · Credit: Credit ${HOSTILE_TEXT_CLEAN}`,
    );
    const original = only(elements, (el) => el.attribs.rel === 'nofollow noopener');
    expect(original.attribs.href).toBe('https://example.org/a?b=1&c="2"<x>');
    expect(original.text).toBe(`Read the original at Source ${HOSTILE_TEXT_CLEAN}`);
  });

  it('refuses a date it cannot read, so none reaches an attribute', () => {
    const story = buildStory({ firstcreated: '2024-03-01T09:30:00Z"onload="x' });
    expect(() => renderStoryPage(story, ctx)).toThrow(/firstcreated/);
  });

  it('strips non-XML characters from the trusted body', () => {
    const page = renderStoryPage(buildStory({ bodyHtml: '<p>a\u0000b\u001Bc</p>' }), ctx);
    expect(page).toContain('<div class="body"><p>abc</p></div>');
  });

  it('renders the same bytes every time', () => {
    const story = buildHostileStory();
    expect(renderStoryPage(structuredClone(story), ctx)).toBe(renderStoryPage(story, ctx));
  });
});

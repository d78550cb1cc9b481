import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderAtom } from './render-atom.js';
import type { FeedDescriptor } from './render-types.js';
import {
  assertWellFormedXml,
  buildHostileStory,
  buildRenderContext,
  buildStory,
  HOSTILE_BASE_URL,
  HOSTILE_TEXT_CLEAN,
} from './testing.js';

type Fields = Record<string, unknown>;
const parser = new Parser<Fields, Fields>({
  customFields: {
    feed: ['updated', 'id', 'author'],
    item: ['updated', 'published', 'summary', ['category', 'topics', { keepArray: true }]],
  },
});
const ctx = buildRenderContext();
const FIGURE =
  '<figure><img src="https://assets.gov.uk/hub.jpg" alt="The new hub"><figcaption>The new hub · <span class="credit">Credit: Crown copyright</span></figcaption></figure>';
// The hostile URI percent-encoded into a valid URN: ids are always valid URIs.
const HOSTILE_ID = 'urn:bulletin:evil:%22%26%3C%3E%5D%5D%3E';
const feed: FeedDescriptor = { key: 'all', title: 'bulletin', description: 'Every story' };
const second = buildStory({
  id: 'b'.repeat(20),
  uri: 'urn:bulletin:gov-uk:item-2',
  byline: undefined,
  subjects: [],
});

function decodeHtml(html: string): string {
  return html.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] ?? '',
  );
}

describe('renderAtom', () => {
  it('writes the RFC 4287 feed elements', async () => {
    const xml = renderAtom(feed, [buildStory()], ctx);
    assertWellFormedXml(xml);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<link rel="self" href="http://localhost:3000/feeds/all.atom"/>');
    expect(xml).toContain('<link rel="alternate" href="http://localhost:3000/"/>');
    const parsed = await parser.parseString(xml);
    expect(parsed.id).toBe('http://localhost:3000/feeds/all.atom');
    expect(parsed.title).toBe('bulletin');
    expect(parsed.updated).toBe('2024-03-01T10:15:00.000Z');
    expect(parsed.author).toEqual({ name: ['bulletin'] });
  });

  it('writes each entry from its story', async () => {
    const xml = renderAtom(feed, [buildStory()], ctx);
    const [entry] = (await parser.parseString(xml)).items;
    expect(entry?.id).toBe('urn:bulletin:gov-uk:item-1');
    expect(entry?.title).toBe('Council opens new family hub');
    expect(entry?.link).toBe('http://localhost:3000/stories/a1b2c3d4e5f6a7b8c9d0');
    expect(entry?.updated).toBe('2024-03-01T10:15:00.000Z');
    expect(entry?.published).toBe('2024-03-01T09:30:00.000Z');
    expect(entry?.author).toBe('Jo Smith');
    expect(entry?.summary).toBe('The hub opened today.');
    expect(xml).toContain('<summary type="html">The hub opened today.</summary>');
    expect(entry?.content).toBe(
      `${FIGURE}<p>The hub opened today.</p><p>It serves three towns.</p>`,
    );
    expect(xml).toContain(
      '<category label="Child protection" scheme="http://localhost:3000/feeds/topics" term="child-protection"/>',
    );
  });

  it('gives every entry an author, falling back to the source', async () => {
    const xml = renderAtom(feed, [buildStory(), second, buildHostileStory()], ctx);
    const entries = xml.split('<entry>').slice(1);
    expect(entries).toHaveLength(3);
    for (const entry of entries)
      expect(entry).toMatch(/<author>\s*<name>[^<]+<\/name>\s*<\/author>/);
    expect((await parser.parseString(xml)).items.map((item) => item.author)).toEqual([
      'Jo Smith',
      'GOV.UK',
      `Byline ${HOSTILE_TEXT_CLEAN}`,
    ]);
  });

  it('writes a topic feed category', () => {
    const topic = {
      key: 'topics/health',
      title: 'bulletin: Health',
      description: 'Health',
      category: { slug: 'health', name: 'Health' },
    };
    expect(renderAtom(topic, [], ctx)).toContain('<category term="health"/>');
  });

  it('stays well-formed and reads back exactly for hostile stories, base URL and slug', async () => {
    const hostileCtx = buildRenderContext({
      baseUrl: HOSTILE_BASE_URL,
      siteTitle: `site ${HOSTILE_TEXT_CLEAN}`,
    });
    const story = buildHostileStory();
    const xml = renderAtom({ ...feed, title: `Feed ${HOSTILE_TEXT_CLEAN}` }, [story], hostileCtx);
    assertWellFormedXml(xml);
    expect(xml).not.toMatch(/<script|<!\[CDATA\[/i);
    const parsed = await parser.parseString(xml);
    const [entry] = parsed.items;
    expect(parsed.title).toBe(`Feed ${HOSTILE_TEXT_CLEAN}`);
    expect(parsed.author).toEqual({ name: [`site ${HOSTILE_TEXT_CLEAN}`] });
    expect(entry?.id).toBe(HOSTILE_ID);
    expect(entry?.link).toBe(`${HOSTILE_BASE_URL}/stories/${story.id}`);
    const content = String(entry?.content);
    expect(content.endsWith('</figure><p>Body ]]> ]]&gt; 😀 &amp; text</p>')).toBe(true);
    // The figure's caption and credit are HTML-escaped text inside the content.
    expect(content).not.toContain('<script');
    expect(content).toContain(
      'Credit: Credit &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &amp;amp;',
    );
    expect(entry?.topics).toEqual([
      {
        $: {
          label: `Topic ${HOSTILE_TEXT_CLEAN}`,
          scheme: `${HOSTILE_BASE_URL}/feeds/topics`,
          term: `slug"&<'x`,
        },
      },
      {
        $: {
          label: `Topic ${HOSTILE_TEXT_CLEAN}`,
          scheme: 'http://cv.iptc.org/newscodes/mediatopic/',
          term: '20000612',
        },
      },
    ]);
  });

  it('escapes type="html" title and summary as HTML, so they hold no markup', async () => {
    const [entry] = (await parser.parseString(renderAtom(feed, [buildHostileStory()], ctx))).items;
    const summary = String(entry?.summary);
    expect(entry?.title).not.toContain('<');
    expect(summary).not.toContain('<');
    expect(decodeHtml(entry?.title ?? '')).toBe(`Headline ${HOSTILE_TEXT_CLEAN}`);
    expect(decodeHtml(summary)).toBe(`Summary ${HOSTILE_TEXT_CLEAN}`);
  });

  it('renders an empty feed with emptyUpdated and no entries', async () => {
    const xml = renderAtom(feed, [], ctx);
    assertWellFormedXml(xml);
    const parsed = await parser.parseString(xml);
    expect(parsed.items).toEqual([]);
    expect(parsed.updated).toBe('2024-01-01T00:00:00.000Z');
    expect(xml).not.toContain('<entry>');
  });
});

import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderRss } from './render-rss.js';
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
  customFields: { feed: ['lastBuildDate'], item: ['dc:creator'] },
});
const ctx = buildRenderContext();
const FIGURE =
  '<figure><img src="https://assets.gov.uk/hub.jpg" alt="The new hub"><figcaption>The new hub · <span class="credit">Credit: Crown copyright</span></figcaption></figure>';
// The hostile URI percent-encoded into a valid URN: ids are always valid URIs.
const HOSTILE_ID = 'urn:bulletin:evil:%22%26%3C%3E%5D%5D%3E';
const feed: FeedDescriptor = {
  key: 'topics/child-protection',
  title: 'bulletin: Child protection',
  description: 'Stories about child protection',
  category: { slug: 'child-protection', name: 'Child protection' },
};
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

describe('renderRss', () => {
  it('writes the RSS 2.0 channel elements, with an atom:link to itself', async () => {
    const xml = renderRss(feed, [buildStory()], ctx);
    assertWellFormedXml(xml);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<rss version="2.0"/);
    expect(xml).toContain(
      '<atom:link href="http://localhost:3000/feeds/topics/child-protection.rss" rel="self" type="application/rss+xml"/>',
    );
    const parsed = await parser.parseString(xml);
    expect(parsed.title).toBe('bulletin: Child protection');
    expect(parsed.link).toBe('http://localhost:3000/');
    expect(parsed.description).toBe('Stories about child protection');
    expect(parsed.language).toBe('en-GB');
    expect(parsed.lastBuildDate).toBe('Fri, 01 Mar 2024 10:15:00 GMT');
  });

  it('writes each item from its story', async () => {
    const xml = renderRss(feed, [buildStory()], ctx);
    const [item] = (await parser.parseString(xml)).items;
    expect(item?.title).toBe('Council opens new family hub');
    expect(item?.link).toBe('http://localhost:3000/stories/a1b2c3d4e5f6a7b8c9d0');
    expect(item?.guid).toBe('urn:bulletin:gov-uk:item-1');
    expect(xml).toContain('<guid isPermaLink="false">urn:bulletin:gov-uk:item-1</guid>');
    expect(item?.pubDate).toMatch(RFC_822);
    expect(item?.pubDate).toBe('Fri, 01 Mar 2024 09:30:00 GMT');
    expect(item?.content).toBe('The hub opened today.');
    expect(item?.['content:encoded']).toBe(
      `${FIGURE}<p>The hub opened today.</p><p>It serves three towns.</p>`,
    );
    expect(item?.['dc:creator']).toBe('Jo Smith');
    expect(xml).toContain(
      '<category domain="http://localhost:3000/feeds/topics">Child protection</category>',
    );
    // RSS <author> must be an e-mail address; names go in dc:creator only.
    expect(xml).not.toContain('<author>');
  });

  it('credits the source when there is no byline', async () => {
    const xml = renderRss(feed, [buildStory({ byline: '  ' })], ctx);
    expect((await parser.parseString(xml)).items[0]?.['dc:creator']).toBe('GOV.UK');
  });

  it('omits an empty summary', () => {
    expect(renderRss(feed, [buildStory({ summary: '' })], ctx)).not.toContain(
      '<description></description>',
    );
  });

  it('stays well-formed and reads back exactly for hostile stories, base URL and slug', async () => {
    const hostileCtx = buildRenderContext({
      baseUrl: HOSTILE_BASE_URL,
      siteTitle: `site ${HOSTILE_TEXT_CLEAN}`,
    });
    const hostileFeed = { ...feed, key: `topics/x"&<'`, title: `Feed ${HOSTILE_TEXT_CLEAN}` };
    const story = buildHostileStory();
    const xml = renderRss(hostileFeed, [story], hostileCtx);
    assertWellFormedXml(xml);
    expect(xml).not.toMatch(/<script|<!\[CDATA\[/i);
    const parsed = await parser.parseString(xml);
    const [item] = parsed.items;
    expect(parsed.title).toBe(`Feed ${HOSTILE_TEXT_CLEAN}`);
    expect(parsed.link).toBe(`${HOSTILE_BASE_URL}/`);
    expect(item?.title).toBe(`Headline ${HOSTILE_TEXT_CLEAN}`);
    expect(item?.['dc:creator']).toBe(`Byline ${HOSTILE_TEXT_CLEAN}`);
    expect(item?.guid).toBe(HOSTILE_ID);
    expect(item?.link).toBe(`${HOSTILE_BASE_URL}/stories/${story.id}`);
    const content = String(item?.['content:encoded']);
    expect(content.endsWith('</figure><p>Body ]]> ]]&gt; 😀 &amp; text</p>')).toBe(true);
    // The figure's caption and credit are HTML-escaped text inside the content.
    expect(content).not.toContain('<script');
    expect(content).toContain(
      'Credit: Credit &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &amp;amp;',
    );
    expect(item?.categories).toEqual([
      { _: `Topic ${HOSTILE_TEXT_CLEAN}`, $: { domain: `${HOSTILE_BASE_URL}/feeds/topics` } },
      { _: '20000612', $: { domain: 'http://cv.iptc.org/newscodes/mediatopic/' } },
    ]);
  });

  it('escapes the plain-text summary as HTML, so <description> holds no markup', async () => {
    const xml = renderRss(feed, [buildHostileStory()], ctx);
    const description = (await parser.parseString(xml)).items[0]?.content ?? '';
    expect(description).not.toContain('<');
    expect(description).toContain(
      'Summary &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;',
    );
  });

  it('renders an empty feed with emptyUpdated as lastBuildDate and no items', async () => {
    const xml = renderRss(feed, [], ctx);
    assertWellFormedXml(xml);
    const parsed = await parser.parseString(xml);
    expect(parsed.items).toEqual([]);
    expect(parsed.lastBuildDate).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
  });
});

// Structure and escaping of all three formats for stories whose text is built to break them.
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderFeed } from './render-feed.js';
import type { JsonFeedDocument } from './render-json-feed.js';
import type { FeedDescriptor } from './render-types.js';
import {
  assertJsonFeed,
  assertWellFormedXml,
  buildHostileStory,
  buildRenderContext,
  buildStory,
  HOSTILE_TEXT,
  HOSTILE_TEXT_CLEAN,
} from './testing.js';

const SCRIPTS = 'Ελληνικά · русский · العربية · עברית · हिन्दी · 中文 · 日本語 · 한국어 · ไทย';
const EMOJI = '👩🏽‍⚕️ 🇬🇧 😀 🏳️‍🌈';
const LONG = `${'Very long headline about the council budget '.repeat(23)}`.slice(0, 1000);
const ctx = buildRenderContext({ baseUrl: 'https://news.example.org' });
const feed: FeedDescriptor = {
  key: 'topics/child-protection',
  title: `Feed ${HOSTILE_TEXT}`,
  description: `About ${HOSTILE_TEXT}`,
  category: { slug: 'child-protection', name: `Topic ${HOSTILE_TEXT}` },
};
const stories = [
  buildHostileStory({ id: 'a'.repeat(20), uri: 'urn:bulletin:a:1' }),
  buildStory({
    id: 'b'.repeat(20),
    uri: 'urn:bulletin:b:1',
    headline: LONG,
    byline: `${SCRIPTS} "quoted" 'single'`,
    summary: `${EMOJI} ${SCRIPTS}`,
    bodyHtml: `<p lang="ar">${SCRIPTS} ${EMOJI}</p>`,
    images: [],
  }),
];
const expected = [
  { title: `Headline ${HOSTILE_TEXT_CLEAN}`, author: `Byline ${HOSTILE_TEXT_CLEAN}` },
  { title: LONG, author: `${SCRIPTS} "quoted" 'single'` },
];

type Fields = Record<string, unknown>;
const parser = new Parser<Fields, Fields>({
  customFields: { item: ['dc:creator', 'author', ['media:content', 'media', { keepArray: true }]] },
});

describe('hostile stories', () => {
  it.each(['rss', 'atom'] as const)(
    'keep %s well-formed with no raw markup from the input',
    (format) => {
      const xml = renderFeed(format, feed, stories, ctx);
      assertWellFormedXml(xml);
      expect(xml).not.toMatch(/<script|<!\[CDATA\[/i);
      expect(xml.includes('\u0000') || xml.includes('\uFFFE')).toBe(false);
      // Every attribute value is quoted with " and holds no raw ", < or &.
      for (const [, value] of xml.matchAll(/=\s*"([^"]*)"/g)) {
        expect(value).not.toMatch(/[<]|&(?!(?:amp|lt|gt|quot|#39);)/);
      }
    },
  );

  it('read back exactly from RSS', async () => {
    const parsed = await parser.parseString(renderFeed('rss', feed, stories, ctx));
    expect(parsed.title).toBe(`Feed ${HOSTILE_TEXT_CLEAN}`);
    expect(parsed.items.map((item) => [item.title, item['dc:creator']])).toEqual(
      expected.map((item) => [item.title, item.author]),
    );
    expect(parsed.items[1]?.['content:encoded']).toBe(`<p lang="ar">${SCRIPTS} ${EMOJI}</p>`);
    const media = parsed.items[0]?.media as { $: { url: string } }[];
    expect(media[0]?.$.url).toBe('https://img.example/%22&%3Cx%3E.jpg');
  });

  it('read back exactly from Atom, titles escaped once more as type="html"', async () => {
    const xml = renderFeed('atom', feed, stories, ctx);
    const parsed = await parser.parseString(xml);
    const decode = (html: string): string =>
      html.replace(
        /&(lt|gt|quot|#39|amp);/g,
        (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] ?? '',
      );
    expect(parsed.items.map((item) => decode(item.title ?? ''))).toEqual(
      expected.map((item) => item.title),
    );
    expect(xml).toContain(`<name>${SCRIPTS} &quot;quoted&quot; &#39;single&#39;</name>`);
  });

  it('conform to JSON Feed 1.1 and read back exactly from JSON', () => {
    const json = renderFeed('json', feed, stories, ctx);
    const document = JSON.parse(json) as JsonFeedDocument;
    assertJsonFeed(document);
    expect(json).not.toMatch(/\\u(000[0-8bcef]|001[0-9a-f]|fff[ef]|d[89a-f][0-9a-f]{2})/i);
    expect(document.title).toBe(`Feed ${HOSTILE_TEXT_CLEAN}`);
    expect(document.items.map((item) => [item.title, item.authors[0]?.name])).toEqual(
      expected.map((item) => [item.title, item.author]),
    );
    expect(document.items[1]?.summary).toBe(`${EMOJI} ${SCRIPTS}`);
  });

  it('keep a 1,000-character headline whole in every format', () => {
    expect(LONG).toHaveLength(1000);
    for (const format of ['rss', 'atom', 'json'] as const) {
      expect(renderFeed(format, feed, stories, ctx)).toContain(LONG);
    }
  });

  it('give every item an id that is a valid URI', () => {
    const hostileUri = buildHostileStory();
    const document = JSON.parse(renderFeed('json', feed, [hostileUri], ctx)) as JsonFeedDocument;
    expect(document.items[0]?.id).toBe('urn:bulletin:evil:%22%26%3C%3E%5D%5D%3E');
    assertJsonFeed(document);
  });
});

import { digest, parseStory, storyUri, type Story } from '@bulletin/story';
import { describe, expect, it } from 'vitest';
import { parseWire, type WireResult } from './index.js';

const source = { id: 'feeds', name: 'Feeds' };
const receivedAt = '2030-01-01T12:00:00.000Z';

function rss(items: string, channel = '', namespaces = ''): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" ${namespaces}><channel><title>Feed</title>${channel}${items}</channel></rss>`;
}

function item(fields: string): string {
  return `<item>${fields}</item>`;
}

const BODY = '<description>The council approved the plan on Monday.</description>';

async function parse(xml: string): Promise<WireResult> {
  const result = await parseWire({ bytes: xml, source, receivedAt });
  for (const story of result.stories) expect(parseStory(story)).toEqual(story);
  return result;
}

async function only(xml: string): Promise<Story> {
  const result = await parse(xml);
  expect(result.rejected).toEqual([]);
  expect(result.stories).toHaveLength(1);
  return result.stories[0] as Story;
}

describe('feed item identity and dates', () => {
  it('uses guid, then id, then link, then a digest of title and date for the item id', async () => {
    const withLink = await only(
      rss(item(`<title>A</title><link>https://x.example/a</link>${BODY}`)),
    );
    expect(withLink.uri).toBe(storyUri('feeds', 'https://x.example/a'));
    const bare = await only(
      rss(item(`<title>A</title><pubDate>Mon, 10 Mar 2025 09:30:00 GMT</pubDate>${BODY}`)),
    );
    expect(bare.uri).toBe(storyUri('feeds', digest('A', '2025-03-10T09:30:00.000Z')));
  });

  it('falls back to receivedAt when the item has no usable date', async () => {
    const undated = await only(
      rss(item(`<title>A</title><guid>g</guid><pubDate>not a date</pubDate>${BODY}`)),
    );
    expect(undated.firstcreated).toBe(receivedAt);
    expect(undated.versioncreated).toBe(receivedAt);
    expect(undated.warnings).toEqual([
      'unreadable date in pubDate: "not a date"',
      'no readable date: arrival time used',
    ]);
  });

  it('rejects a second item with the same guid', async () => {
    const result = await parse(
      rss(
        item(`<title>A</title><guid>g</guid>${BODY}`) +
          item(`<title>B</title><guid>g</guid>${BODY}`),
      ),
    );
    expect(result.stories.map((s) => s.headline)).toEqual(['A']);
    expect(result.rejected).toEqual([{ index: 1, reason: 'duplicate of item 0 (same guid/id)' }]);
  });

  it('reads Atom updated as versioncreated, never earlier than published', async () => {
    const atom = (published: string, updated: string): string =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>A</title><id>e1</id><published>${published}</published><updated>${updated}</updated><summary>The council approved the plan.</summary></entry></feed>`;
    const later = await only(atom('2024-01-01T10:00:00Z', '2024-01-02T10:00:00Z'));
    expect([later.firstcreated, later.versioncreated]).toEqual([
      '2024-01-01T10:00:00.000Z',
      '2024-01-02T10:00:00.000Z',
    ]);
    const earlier = await only(atom('2024-01-02T10:00:00Z', '2024-01-01T10:00:00Z'));
    expect(earlier.versioncreated).toBe('2024-01-02T10:00:00.000Z');
  });

  it('keeps an Atom entry whose date cannot be read, flagged, and the feed around it', async () => {
    const result = await parse(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><title>Good</title><id>1</id><published>2024-01-01T10:00:00Z</published><summary>The council approved the plan.</summary></entry>
        <entry><title>Bad date</title><id>2</id><published>someday</published><summary>Text here.</summary></entry>
      </feed>`,
    );
    expect(result.rejected).toEqual([]);
    const [good, bad] = result.stories;
    expect(good?.warnings).toBeUndefined();
    expect(bad?.firstcreated).toBe(receivedAt);
    expect(bad?.warnings).toEqual([
      'unreadable date in published: "someday"',
      'no readable date: arrival time used',
    ]);
  });

  it('never turns year 0001 into 2001, and flags it', async () => {
    const story = await only(
      rss(
        item(
          `<title>A</title><guid>g</guid><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate>${BODY}`,
        ),
      ),
    );
    expect(story.firstcreated).toBe(receivedAt);
    expect(story.warnings?.[0]).toBe('unreadable date in pubDate: "Mon, 01 Jan 0001 00:00:00 GMT"');
  });

  it('marks a day without a time as dateOnly', async () => {
    const story = await only(
      rss(item(`<title>A</title><guid>g</guid><dc:date>2024-03-07</dc:date>${BODY}`)),
    );
    expect(story.firstcreated).toBe('2024-03-07T00:00:00.000Z');
    expect(story.dateOnly).toBe(true);
    expect(story.warnings).toBeUndefined();
  });
});

describe('feed item fields', () => {
  it('keeps a link only when it is http(s)', async () => {
    const ftp = await only(
      rss(item(`<title>A</title><guid>g</guid><link>ftp://x.example/a</link>${BODY}`)),
    );
    expect(ftp.link).toBeUndefined();
  });

  it('takes images from image enclosures and media thumbnails, not from other enclosures', async () => {
    const story = await only(
      rss(
        item(
          `<title>A</title><guid>g</guid>${BODY}<enclosure url="https://x.example/a.mp3" type="audio/mpeg" length="1"/>` +
            `<media:thumbnail url="https://x.example/t.jpg"/><media:content url="https://x.example/v.mp4" medium="video"/>` +
            `<media:content url="javascript:alert(1)" medium="image"/>`,
        ),
      ),
    );
    expect(story.images).toEqual([{ href: 'https://x.example/t.jpg' }]);
  });

  it('reads the channel language when it is BCP 47, item dc:language first', async () => {
    const french = await only(
      rss(item(`<title>A</title><guid>g</guid>${BODY}`), '<language>fr-fr</language>'),
    );
    expect(french.language).toBe('fr-FR');
    const welsh = await only(
      rss(
        item(`<title>A</title><guid>g</guid><dc:language>cy</dc:language>${BODY}`),
        '<language>en-gb</language>',
      ),
    );
    expect(welsh.language).toBe('cy');
    const nonsense = await only(
      rss(item(`<title>A</title><guid>g</guid>${BODY}`), '<language>English (UK)</language>'),
    );
    expect(nonsense.language).toBe('en-GB');
  });

  it('cleans escaped markup out of titles, script text included', async () => {
    const story = await only(
      rss(
        item(
          `<title>Budget &lt;b&gt;agreed&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; signed</title><guid>g</guid>${BODY}`,
        ),
      ),
    );
    expect(story.headline).toBe('Budget agreed & signed');
  });

  it('keeps HTML entities the XML parser does not know, and unknown ones as text', async () => {
    const story = await only(
      rss(item(`<title>Fees &pound;5 &ndash; &madeup; rise</title><guid>g</guid>${BODY}`)),
    );
    expect(story.headline).toBe('Fees £5 – &madeup; rise');
  });

  it('trims a long description to a summary of about 300 characters', async () => {
    const long = 'The council said the plan would help. '.repeat(20);
    const story = await only(
      rss(item(`<title>A</title><guid>g</guid><description>${long}</description>`)),
    );
    expect(story.summary.length).toBeLessThanOrEqual(300);
    expect(story.summary.endsWith('help.')).toBe(true);
    expect(story.bodyText).toBe(long.trim());
  });

  it('reads RSS 1.0 (RDF) feeds', async () => {
    const story = await only(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="https://x.example/"><title>t</title></channel>
        <item rdf:about="https://x.example/a"><title>A</title><link>https://x.example/a</link><description>The council approved it.</description></item>
      </rdf:RDF>`,
    );
    expect(story.headline).toBe('A');
    expect(story.link).toBe('https://x.example/a');
  });
});

describe('feed recovery', () => {
  it('rejects an unterminated last item and keeps the ones before it', async () => {
    const result = await parse(
      rss(
        item(`<title>A</title><guid>a</guid>${BODY}`) +
          `<item><title>B</title><guid>b</guid>${BODY}`,
      ),
    );
    expect(result.stories.map((s) => s.headline)).toEqual(['A']);
    expect(result.rejected).toEqual([
      { index: 1, reason: expect.stringMatching(/^invalid XML/) as string },
    ]);
  });

  it('repairs an unescaped < in a title', async () => {
    const story = await only(rss(item(`<title>Costs < income</title><guid>a</guid>${BODY}`)));
    expect(story.headline).toBe('Costs < income');
  });

  it('recovers items next to an item with an unclosed element', async () => {
    const result = await parse(
      rss(
        item(`<title>A</title><guid>a</guid><description>Costs <b>rise</description>`) +
          item(`<title>B</title><guid>b</guid>${BODY}`),
      ),
    );
    expect(result.stories.map((s) => s.headline)).toEqual(['B']);
    expect(result.rejected.map((r) => r.index)).toEqual([0]);
  });
});

describe('feed parsing under concurrency', () => {
  it('gives the same results in parallel as one at a time (one shared rss-parser)', async () => {
    const feeds = Array.from({ length: 12 }, (_, index) =>
      index % 3 === 0
        ? rss(
            item(`<title>Broken ${index}</titel>`) +
              item(`<title>T${index}</title><guid>${index}</guid>${BODY}`),
          )
        : rss(item(`<title>T${index}</title><guid>${index}</guid>${BODY}`)),
    );
    const sequential: WireResult[] = [];
    for (const xml of feeds) sequential.push(await parse(xml));
    const parallel = await Promise.all(feeds.map((xml) => parse(xml)));
    expect(parallel).toEqual(sequential);
    expect(parallel[0]?.rejected).toHaveLength(1);
  });

  it('reads an XHTML Atom title', async () => {
    const story = await only(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Bins <em>collected</em> on Monday</div></title><id>x</id><summary>Collections move because of the bank holiday.</summary></entry></feed>`,
    );
    expect(story.headline).toBe('Bins collected on Monday');
  });

  it('caps the reasons listed when every item of a big feed is rejected', async () => {
    const xml = rss(
      Array.from({ length: 15 }, (_, index) => item(`<guid>${index}</guid>${BODY}`)).join(''),
    );
    const error: unknown = await parseWire({ bytes: xml, source, receivedAt }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'WIRE_NO_ITEMS' });
    expect((error as Error).message).toMatch(/item 9: missing title; and 5 more$/);
  });
});

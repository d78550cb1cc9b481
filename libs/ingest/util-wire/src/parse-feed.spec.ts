import { storyBodyHtml, parseStory, type Story } from '@bulletin/story';
import { describe, expect, it } from 'vitest';
import { parseWire, WireParseError, type WireResult } from './index.js';
import { readFixture } from './testing.js';

const source = { id: 'council-feeds', name: 'Council feeds' };
const receivedAt = '2030-01-01T12:00:00.000Z';

async function parseFixture(path: string): Promise<WireResult> {
  const result = await parseWire({ bytes: readFixture(path), source, receivedAt, filename: path });
  for (const story of result.stories) expect(parseStory(story)).toEqual(story);
  return result;
}

function story(result: WireResult, index: number): Story {
  const found = result.stories[index];
  if (found === undefined) throw new Error(`no story ${index}`);
  return found;
}

describe('parseWire on RSS 2.0', () => {
  it('maps a normal feed item by item', async () => {
    const result = await parseFixture('rss/normal.xml');
    expect(result.format).toBe('rss');
    expect(result.rejected).toEqual([]);
    expect(result.stories.map((s) => s.headline)).toEqual([
      'Westmere to plant 20,000 trees in urban forest scheme',
      'Library opening hours to change from April',
      'Council tax bills on their way to households',
    ]);
    expect(story(result, 0)).toMatchObject({
      uri: 'urn:bulletin:council-feeds:westmere-news-4411',
      version: 1,
      pubstatus: 'usable',
      firstcreated: '2025-03-10T09:30:00.000Z',
      versioncreated: '2025-03-10T09:30:00.000Z',
      byline: 'Communications Team',
      link: 'https://www.westmere.example.gov.uk/news/urban-forest',
      language: 'en-GB',
      summary:
        'The council will plant 20,000 trees across the city over the next five years as part of its climate action plan.',
      images: [{ href: 'https://www.westmere.example.gov.uk/media/urban-forest.jpg' }],
      subjects: [],
      people: [],
      organisations: [],
      places: [],
    });
  });

  it('prefers content:encoded for the body and derives plain paragraphs from it', async () => {
    const first = story(await parseFixture('rss/normal.xml'), 0);
    expect(storyBodyHtml(first)).toContain('<strong>urban forest</strong>');
    expect(storyBodyHtml(first)).toContain(
      '<a href="https://www.westmere.example.gov.uk/trees" rel="nofollow noopener">council website</a>',
    );
    expect(first.bodyText.split('\n\n')).toEqual([
      'Westmere City Council will plant 20,000 trees across the city over the next five years as part of its climate action plan.',
      'The urban forest scheme will focus on wards with the lowest tree cover, including Eastgate and Riverside, where fewer than one in ten streets has a tree.',
      'Residents can request a street tree through the council website.',
    ]);
  });

  it('reads escaped HTML descriptions, media:content images and RSS author names', async () => {
    const result = await parseFixture('rss/normal.xml');
    expect(story(result, 1)).toMatchObject({
      uri: 'urn:bulletin:council-feeds:https%3A%2F%2Fwww.westmere.example.gov.uk%2Fnews%2Flibrary-hours',
      bodyText:
        "Opening hours at six of the city's libraries will change from 1 April following a public consultation.\n\nCentral Library will open later on Thursdays, until 8pm.",
      images: [{ href: 'https://www.westmere.example.gov.uk/media/central-library.jpg' }],
    });
    expect(story(result, 1).byline).toBeUndefined();
    expect(story(result, 2).byline).toBe('Priya Shah');
    expect(storyBodyHtml(story(result, 2))).toBe(
      '<p>Council tax bills for 2025/26 are being posted to 121,000 households this week. Residents who pay by direct debit do not need to do anything.</p>',
    );
  });

  it('decodes a latin-1 feed by its XML declaration', async () => {
    const result = await parseFixture('rss/latin1.xml');
    expect(story(result, 0).headline).toBe('Café owners in Exeter win £250,000 regeneration grant');
    expect(story(result, 0).bodyText).toContain(
      'The café quarter around Fore Street will receive £250,000',
    );
  });

  it('survives bare ampersands in titles, links and descriptions', async () => {
    const result = await parseFixture('rss/bare-ampersand.xml');
    expect(result.rejected).toEqual([]);
    expect(story(result, 0)).toMatchObject({
      headline: 'Health & Care Partnership appoints new chair',
      link: 'https://www.hcp.example.nhs.uk/news?id=118&lang=en',
      firstcreated: '2024-09-03T07:45:00.000Z',
    });
    expect(story(result, 0).bodyText).toContain('a former GP & medical director');
    expect(story(result, 1).headline).toBe(
      'Q&A: what the new urgent treatment centre means for you',
    );
  });

  it('rejects one malformed item and keeps the others', async () => {
    const result = await parseFixture('rss/malformed-item.xml');
    expect(result.stories.map((s) => s.uri)).toEqual([
      'urn:bulletin:council-feeds:fen-press-301',
      'urn:bulletin:council-feeds:fen-press-299',
    ]);
    expect(result.rejected).toEqual([
      { index: 1, reason: expect.stringMatching(/^invalid XML: /) as string },
    ]);
    expect(story(result, 0).byline).toBe('Sam Okoro');
  });

  it('strips scripts, handlers, javascript: and data: URLs, frames and objects from every field', async () => {
    const result = await parseFixture('rss/hostile-content.xml');
    const hostile = story(result, 0);
    expect(hostile.headline).toBe('Ashcombe recycling rates reach record high');
    expect(hostile.link).toBeUndefined();
    expect(hostile.summary).toBe('Recycling rates rose to 52%.');
    const everything = JSON.stringify(hostile);
    for (const banned of [
      '<script',
      'alert',
      'onerror',
      'onclick',
      'onmouseover',
      'onload',
      'javascript:',
      'data:',
      '<iframe',
      'iframe text',
      '<object',
      'object text',
      '<style',
      'display: none',
      '<svg',
      'svg text',
      '<form',
      '<input',
      'target=',
      'style=',
    ]) {
      expect(everything, banned).not.toContain(banned);
    }
    expect(storyBodyHtml(hostile)).toContain(
      '<a href="https://www.ashcombe.example.gov.uk/bins" rel="nofollow noopener">view the calendar</a>',
    );
    expect(storyBodyHtml(hostile)).toContain(
      '<img src="https://www.ashcombe.example.gov.uk/media/recycling.jpg" alt="Recycling lorry" />',
    );
    expect(hostile.bodyText).toContain('Find your collection day or view the calendar.');
  });

  it('reads CDATA titles, bylines and content, escaping what must be escaped', async () => {
    const cdata = story(await parseFixture('rss/cdata.xml'), 0);
    expect(cdata.headline).toBe(
      'Firefighters urge residents to test smoke alarms as clocks go back',
    );
    expect(cdata.byline).toBe('Station Manager Leah Byrne');
    expect(cdata.firstcreated).toBe('2024-10-25T06:00:00.000Z');
    expect(storyBodyHtml(cdata)).toContain(
      '<p>Marshfield Fire &amp; Rescue Service is urging residents',
    );
    expect(storyBodyHtml(cdata)).toContain(
      '<ul><li>Press the test button</li><li>Replace batteries every year</li></ul>',
    );
    expect(cdata.bodyText.split('\n\n')).toEqual([
      'Test it monthly',
      'Marshfield Fire & Rescue Service is urging residents to test their smoke alarms when the clocks go back on Sunday.',
      'Fires in homes without a working alarm are eight times more likely to cause a death, the service says. Home fire safety visits are free for people aged over 65 & those living alone.',
      'Press the test button',
      'Replace batteries every year',
    ]);
    expect(cdata.summary).toBe(
      'Test your smoke alarm when the clocks go back this weekend, says Marshfield Fire & Rescue Service.',
    );
  });
});

describe('parseWire on Atom', () => {
  it('maps a normal feed entry by entry', async () => {
    const result = await parseFixture('atom/normal.xml');
    expect(result.format).toBe('atom');
    expect(result.rejected).toEqual([]);
    expect(story(result, 0)).toMatchObject({
      uri: 'urn:bulletin:council-feeds:tag%3Aeastvale.example.nhs.uk%2C2024%3Anews%2F812',
      headline: 'Eastvale trust opens community diagnostic centre in Marlow Road',
      byline: 'Eastvale Communications',
      firstcreated: '2024-10-01T08:00:00.000Z',
      versioncreated: '2024-10-02T08:00:00.000Z',
      link: 'https://www.eastvale.example.nhs.uk/news/diagnostic-centre',
      summary: 'A new community diagnostic centre will carry out 60,000 scans and tests a year.',
      language: 'en-GB',
    });
    expect(story(result, 0).bodyText.split('\n\n')).toHaveLength(2);
  });

  it('decodes an HTML title and reads XHTML content', async () => {
    const second = story(await parseFixture('atom/normal.xml'), 1);
    expect(second.headline).toBe('Flu & COVID-19 vaccinations: book now');
    expect(second.firstcreated).toBe('2024-09-25T12:30:00.000Z');
    expect(second.bodyText).toBe(
      'Staff and eligible patients are being urged to book their flu and COVID-19 vaccinations before winter.',
    );
  });

  it('rejects one malformed entry and keeps the others', async () => {
    const result = await parseFixture('atom/malformed-entry.xml');
    expect(result.stories.map((s) => s.headline)).toEqual([
      'Kingsbury bus lane cameras go live on Monday',
      'Polling stations confirmed for by-election',
    ]);
    expect(result.rejected).toEqual([
      { index: 1, reason: expect.stringMatching(/^invalid XML: /) as string },
    ]);
    expect(story(result, 1).bodyText).toBe(
      'A list of polling stations for the Kingsbury Central by-election on 13 June has been published.',
    );
  });
});

describe('parseWire on feeds: determinism', () => {
  it.each(['rss/normal.xml', 'atom/normal.xml', 'rss/malformed-item.xml'])(
    '%s gives the same bytes twice',
    async (path) => {
      const first = await parseFixture(path);
      const second = await parseFixture(path);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    },
  );
});

describe('parseWire on feeds: whole-feed failures', () => {
  it('lists why every item was rejected when none is usable', async () => {
    const xml = `<rss version="2.0"><channel><title>t</title>
      <item><guid>a</guid><description>Body text only.</description></item>
      <item><title>Title only</title></item></channel></rss>`;
    const error: unknown = await parseWire({ bytes: xml, source, receivedAt }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WireParseError);
    expect(error).toMatchObject({ code: 'WIRE_NO_ITEMS', permanent: true });
    expect((error as Error).message).toContain('item 0: missing title');
    expect((error as Error).message).toContain('item 1: missing body text');
  });

  it('rejects a feed with no items', async () => {
    const error: unknown = await parseWire({
      bytes: '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>',
      source,
      receivedAt,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WIRE_NO_ITEMS', message: 'atom feed has no items' });
  });

  it('rejects XML that cannot be read and has no items to recover', async () => {
    const error: unknown = await parseWire({
      bytes: '<rss version="2.0"><channel><title>t</titel></channel></rss>',
      source,
      receivedAt,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WIRE_XML_INVALID', permanent: true });
    expect((error as Error).message).toMatch(/not well-formed XML/);
  });
});

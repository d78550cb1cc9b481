import { storyBodyHtml, parseStory, storyUri, type Story } from '@bulletin/story';
import { describe, expect, it } from 'vitest';
import { parseWire, WireParseError, type WireResult } from './index.js';
import { readFixture } from './testing.js';

const source = { id: 'pa', name: 'PA Media' };
const receivedAt = '2030-01-01T12:00:00.000Z';

async function parse(bytes: Uint8Array | string, contentType?: string): Promise<WireResult> {
  const result = await parseWire({
    bytes,
    source,
    receivedAt,
    ...(contentType ? { contentType } : {}),
  });
  for (const story of result.stories) expect(parseStory(story)).toEqual(story);
  return result;
}

async function one(path: string): Promise<Story> {
  const result = await parse(readFixture(path));
  expect(result.format).toBe('ninjs');
  expect(result.stories).toHaveLength(1);
  return result.stories[0] as Story;
}

async function codeOf(bytes: string): Promise<{ code: string; message: string }> {
  const error: unknown = await parseWire({ bytes, source, receivedAt }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WireParseError);
  return error as WireParseError;
}

describe('ninjs 1.x', () => {
  it('maps a PA-style item field by field', async () => {
    const story = await one('ninjs/v1-pa-housing.json');
    expect(story.uri).toBe(storyUri('pa', 'urn:newsml:pa.press.net:2024:newsml_L9A1B2C3'));
    expect(story.headline).toBe('Councils warn temporary accommodation costs have doubled');
    expect(story.byline).toBe('Jane Holloway, PA Local Government Correspondent');
    expect(story.firstcreated).toBe('2024-03-14T09:15:00.000Z');
    expect(story.versioncreated).toBe('2024-03-14T11:40:00.000Z');
    expect(story.sourceVersion).toBe(3);
    expect(story.language).toBe('en-GB');
    expect(story.pubstatus).toBe('usable');
    expect(story.summary).toMatch(/^Spending on temporary accommodation/);
    expect(story.bodyText.split('\n\n')).toEqual([
      'Spending on temporary accommodation by English councils has doubled in five years, the Local Government Association said on Thursday.',
      'The LGA said councils spent £1.7bn in 2022/23, and called for the Local Housing Allowance to be uprated every year.',
      '“The pressure on budgets is unsustainable,” said Cllr Darren Rodwell.',
    ]);
    expect(storyBodyHtml(story)).not.toMatch(/script|onclick|alert/);
    expect(story.people).toEqual([{ name: 'Darren Rodwell' }]);
    expect(story.organisations).toEqual([
      { name: 'Local Government Association', uri: 'https://www.local.gov.uk/' },
    ]);
    expect(story.places).toEqual([{ name: 'England' }]);
    expect(story.images).toEqual([
      {
        href: 'https://images.pa.example/77/base.jpg',
        caption: 'Flats in east London',
        credit: 'Yui Mok/PA Wire',
      },
    ]);
    expect(story.warnings).toBeUndefined();
  });
});

describe('ninjs 2.x', () => {
  it('reads headlines[], bodies[], descriptions[], by, and holds an embargo', async () => {
    const story = await one('ninjs/v2-embargoed.json');
    expect(story.headline).toBe('Ridings hospitals miss A&E target for third winter');
    expect(story.byline).toBe('Sam Okafor');
    expect(story.embargoed).toBe('2024-06-11T23:01:00.000Z');
    expect(story.pubstatus).toBe('usable');
    expect(story.sourceVersion).toBe(1);
    expect(story.summary).toBe('Fewer than two thirds of patients were seen within four hours.');
    expect(story.bodyText.split('\n\n')).toHaveLength(2);
    expect(storyBodyHtml(story)).toBe(
      '<p>Fewer than two thirds of patients at the Ridings hospitals were seen within four hours last winter.</p>\n<p>The trust said a new urgent treatment centre would open in the autumn.</p>',
    );
  });

  it('kills a canceled item even with no body, keeping its identity', async () => {
    const story = await one('ninjs/v2-kill.json');
    expect(story.pubstatus).toBe('canceled');
    expect(story.uri).toBe(
      storyUri('pa', 'https://wire.example.co.uk/items/rivermouth-ofsted-2024'),
    );
    expect(story.bodyText).toBe(
      'KILL: this story has been withdrawn for legal reasons. Do not use.',
    );
    expect(story.firstcreated).toBe('2024-03-08T10:00:00.000Z');
  });

  it('holds a withheld item', async () => {
    const story = await one('ninjs/v2-withheld.json');
    expect(story.pubstatus).toBe('withheld');
    expect(story.bodyText).toBe('Northfield council set its budget on Tuesday.');
  });

  it('gives a kill of unchanged text a different content hash from the usable version', async () => {
    const usable = JSON.parse(readFixture('ninjs/v2-withheld.json').toString()) as Record<
      string,
      unknown
    >;
    const [held, open] = await Promise.all([
      parse(JSON.stringify(usable)),
      parse(JSON.stringify({ ...usable, pubstatus: 'usable' })),
    ]);
    expect(held.stories[0]?.contentHash).not.toBe(open.stories[0]?.contentHash);
  });
});

describe('ninjs lists and envelopes', () => {
  const item = (uri: string, extra: object = {}) => ({
    uri,
    headline: `Item ${uri}`,
    body_text: 'The council agreed the plan.',
    versioncreated: '2024-01-01T00:00:00Z',
    ...extra,
  });

  it('reads a top-level array and an AP-style data.items[].item envelope, rejecting bad items', async () => {
    const list = await parse(JSON.stringify([item('a'), { uri: 'b', headline: 7 }, item('c')]));
    expect(list.stories.map((story) => story.headline)).toEqual(['Item a', 'Item c']);
    expect(list.rejected).toEqual([
      { index: 1, reason: expect.stringContaining('headline: ') as string },
    ]);
    const envelope = await parse(JSON.stringify({ data: { items: [{ item: item('x') }] } }));
    expect(envelope.stories.map((story) => story.headline)).toEqual(['Item x']);
  });

  it('refuses a list over maxItems', async () => {
    const payload = JSON.stringify([item('a'), item('b'), item('c')]);
    const error = await parseWire({ bytes: payload, source, receivedAt }, { maxItems: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'WIRE_TOO_MANY_ITEMS',
      message: expect.stringMatching(/3 items, more than the 2/) as string,
    });
  });
});

describe('JSON of the wrong shape', () => {
  it.each([
    ['{"headline": "No uri", "body_text": "Text."}', 'WIRE_NINJS_INVALID', /uri: /],
    ['{"uri": "x", "headline": ["a"], "body_text": "Text."}', 'WIRE_NINJS_INVALID', /headline: /],
    [
      '{"uri": "x", "headline": "H", "body_text": "T.", "pubstatus": "published"}',
      'WIRE_NINJS_INVALID',
      /pubstatus: /,
    ],
    [
      '{"uri": "x", "body_text": "Text."}',
      'WIRE_NINJS_INVALID',
      /headline \(or headlines\[\]\): missing/,
    ],
    [
      '{"uri": "x", "headline": "H"}',
      'WIRE_NINJS_INVALID',
      /body_html, body_text \(or bodies\[\]\): missing/,
    ],
    ['{"uri": "x", "type": "picture", "headline": "H"}', 'WIRE_NINJS_INVALID', /type: "picture"/],
    [
      '{"uri": "x", "headline": "H", "bodies": [{"value": 3}]}',
      'WIRE_NINJS_INVALID',
      /bodies\.0\.value: /,
    ],
    ['[1]', 'WIRE_NO_ITEMS', /\(item\): /],
    ['{"data": {"items": []}}', 'WIRE_NO_ITEMS', /the list is empty/],
    ['{"uri": "x", "headline": ', 'WIRE_JSON_INVALID', /looks like JSON but is not/],
  ])('refuses %s with %s naming the field', async (payload, code, message) => {
    const error = await codeOf(payload);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('flags an unreadable versioncreated and embargo instead of inventing them', async () => {
    const result = await parse(
      JSON.stringify({
        uri: 'x',
        headline: 'H',
        body_text: 'Text here.',
        versioncreated: '0001-01-01T00:00:00Z',
        embargoed: 'soon',
      }),
    );
    const story = result.stories[0] as Story;
    expect(story.firstcreated).toBe(receivedAt);
    expect(story.embargoed).toBeUndefined();
    expect(story.warnings).toEqual([
      'unreadable date in versioncreated: "0001-01-01T00:00:00Z"',
      'no readable date: arrival time used',
      'unreadable date in embargoed: "soon"',
    ]);
  });
});

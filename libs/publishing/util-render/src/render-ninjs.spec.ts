import { describe, expect, it } from 'vitest';
import { renderNinjs } from './render-ninjs.js';
import {
  assertNinjs,
  buildHostileStory,
  buildRenderContext,
  buildStory,
  checkNinjs,
  HOSTILE_TEXT_CLEAN,
} from './testing.js';

const ctx = buildRenderContext({ baseUrl: 'https://news.example.org' });
const story = buildStory({
  embargoed: '2024-03-01T09:00:00+01:00',
  people: [{ name: 'Jo Bloggs', uri: 'https://www.wikidata.org/wiki/Q1' }],
  images: [
    {
      href: 'https://assets.example/hub.jpg',
      caption: 'The new hub',
      credit: 'c. Lynne Cameron/PA Wire',
    },
    { caption: 'no address, so no association' },
  ],
});

describe('renderNinjs', () => {
  it('conforms to ninjs 2.1, as a document and as JSON text', () => {
    const document = renderNinjs(story, ctx);
    expect(checkNinjs(document)).toEqual([]);
    expect(checkNinjs(JSON.parse(JSON.stringify(document)))).toEqual([]);
  });

  it('writes the item identity, version, times and status', () => {
    expect(renderNinjs(story, ctx)).toMatchObject({
      uri: 'urn:bulletin:gov-uk:item-1',
      standard: {
        name: 'ninjs',
        version: '2.1',
        schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json',
      },
      type: 'text',
      representationtype: 'full',
      version: '2',
      firstcreated: '2024-03-01T09:30:00.000Z',
      versioncreated: '2024-03-01T10:15:00.000Z',
      embargoed: '2024-03-01T08:00:00.000Z',
      pubstatus: 'usable',
      language: 'en-GB',
      by: 'Jo Smith',
      altids: [{ role: 'bulletin-id', value: 'a1b2c3d4e5f6a7b8c9d0' }],
      infosources: [{ name: 'GOV.UK', literal: 'gov-uk' }],
    });
  });

  it('writes headline, summary and both bodies with their counts', () => {
    const document = renderNinjs(story, ctx);
    expect(document.headlines).toEqual([
      { role: 'main', contenttype: 'text/plain', value: 'Council opens new family hub' },
    ]);
    expect(document.descriptions).toEqual([
      { role: 'summary', contenttype: 'text/plain', value: 'The hub opened today.' },
    ]);
    expect(document.bodies).toEqual([
      {
        role: 'main',
        contenttype: 'text/html',
        value: '<p>The hub opened today.</p><p>It serves three towns.</p>',
        charcount: 45,
        wordcount: 8,
      },
      {
        role: 'main',
        contenttype: 'text/plain',
        value: 'The hub opened today.\n\nIt serves three towns.',
        charcount: 45,
        wordcount: 8,
      },
    ]);
  });

  it('gives each subject its IPTC Media Topic URI and QCode, and the entities', () => {
    const document = renderNinjs(story, ctx);
    expect(document.subjects).toEqual([
      {
        name: 'Child protection',
        rel: 'about',
        uri: 'http://cv.iptc.org/newscodes/mediatopic/20000612',
        literal: 'medtop:20000612',
        confidence: 90,
      },
    ]);
    expect(document.people).toEqual([
      { name: 'Jo Bloggs', uri: 'https://www.wikidata.org/wiki/Q1' },
    ]);
    expect(document.organisations).toEqual([{ name: 'Department for Education' }]);
    expect(document.places).toEqual([{ name: 'Leeds' }]);
  });

  it('keeps a subject without codes by its slug, and drops an entity uri that is no URI', () => {
    const odd = buildStory({
      subjects: [{ slug: 'roads', name: 'Roads', codes: [], confidence: 0.333, matched: [] }],
      places: [{ name: 'Leeds', uri: 'not a uri' }],
    });
    const document = renderNinjs(odd, ctx);
    expect(document.subjects).toEqual([
      { name: 'Roads', rel: 'about', literal: 'roads', confidence: 33 },
    ]);
    expect(document.places).toEqual([{ name: 'Leeds' }]);
    assertNinjs(document);
  });

  it('associates each picture with its caption and credit', () => {
    expect(renderNinjs(story, ctx).associations).toEqual([
      {
        name: 'picture-1',
        uri: 'https://assets.example/hub.jpg',
        type: 'picture',
        by: 'c. Lynne Cameron/PA Wire',
        descriptions: [{ role: 'caption', contenttype: 'text/plain', value: 'The new hub' }],
        renditions: [{ name: 'original', href: 'https://assets.example/hub.jpg' }],
      },
    ]);
  });

  it('links our story page, this document and the original as renditions', () => {
    expect(renderNinjs(story, ctx).renditions).toEqual([
      {
        name: 'html',
        href: 'https://news.example.org/stories/a1b2c3d4e5f6a7b8c9d0',
        contenttype: 'text/html',
      },
      {
        name: 'ninjs',
        href: 'https://news.example.org/stories/a1b2c3d4e5f6a7b8c9d0.json',
        contenttype: 'application/json',
      },
      { name: 'source', href: 'https://www.gov.uk/news/family-hub', contenttype: 'text/html' },
    ]);
  });

  it('leaves out the bodies of a partial representation', () => {
    const partial = renderNinjs(story, ctx, { representation: 'partial' });
    expect(partial.representationtype).toBe('partial');
    expect(partial).not.toHaveProperty('bodies', expect.anything());
    assertNinjs(partial);
  });

  it('states a killed story as canceled, and a date-only story at the start of its day', () => {
    expect(renderNinjs(buildStory({ pubstatus: 'canceled' }), ctx).pubstatus).toBe('canceled');
    const dated = buildStory({
      dateOnly: true,
      firstcreated: '2024-06-01T00:00:00Z',
      versioncreated: '2024-06-01T00:00:00Z',
    });
    expect(renderNinjs(dated, ctx).firstcreated).toBe('2024-05-31T23:00:00.000Z');
  });

  it('conforms and keeps text exactly for a hostile story', () => {
    const hostile = buildHostileStory();
    const document = JSON.parse(JSON.stringify(renderNinjs(hostile, ctx))) as ReturnType<
      typeof renderNinjs
    >;
    expect(checkNinjs(document)).toEqual([]);
    expect(document.uri).toBe('urn:bulletin:evil:%22%26%3C%3E%5D%5D%3E');
    expect(document.headlines[0]?.value).toBe(`Headline ${HOSTILE_TEXT_CLEAN}`);
    expect(document.by).toBe(`Byline ${HOSTILE_TEXT_CLEAN}`);
    expect(document.associations[0]?.by).toBe(`Credit ${HOSTILE_TEXT_CLEAN}`);
    expect(document.associations[0]?.uri).toBe('https://img.example/%22&%3Cx%3E.jpg');
  });

  it('renders the same document every time', () => {
    expect(JSON.stringify(renderNinjs(story, ctx))).toBe(
      JSON.stringify(renderNinjs(structuredClone(story), { ...ctx })),
    );
  });

  it('refuses a relative base URL', () => {
    expect(() => renderNinjs(story, buildRenderContext({ baseUrl: '/' }))).toThrow(
      expect.objectContaining({ code: 'RENDER_INVALID_URL' }),
    );
  });
});

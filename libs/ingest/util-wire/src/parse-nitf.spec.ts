import { storyBodyHtml, parseStory, storyUri, type Story } from '@bulletin/story';
import { describe, expect, it } from 'vitest';
import { parseWire, WireParseError } from './index.js';
import { readFixture } from './testing.js';

const source = { id: 'pa', name: 'PA Media' };
const receivedAt = '2030-01-01T12:00:00.000Z';

async function one(bytes: Uint8Array | string): Promise<Story> {
  const result = await parseWire({ bytes, source, receivedAt });
  expect(result.format).toBe('nitf');
  const story = result.stories[0] as Story;
  expect(parseStory(story)).toEqual(story);
  return story;
}

describe('NITF 3.x', () => {
  it('maps a UK agency document field by field', async () => {
    const story = await one(readFixture('nitf/pa-council-tax.xml'));
    expect(story.uri).toBe(storyUri('pa', 'PA-2025-02-18-0042'));
    expect(story.headline).toBe('Council tax to rise by 4.99% in Northfield');
    expect(story.byline).toBe('Priya Raman, PA Local Democracy Reporter');
    expect(story.places).toEqual([{ name: 'Northfield' }]);
    expect(story.firstcreated).toBe('2025-02-18T10:15:00.000Z');
    expect(story.embargoed).toBeUndefined();
    expect(story.sourceVersion).toBe(2);
    expect(story.pubstatus).toBe('usable');
    expect(story.summary).toBe(
      'Band D households in Northfield will pay £98 more a year from April.',
    );
    expect(story.bodyText.split('\n\n')).toEqual([
      'Band D households in Northfield will pay £98 more a year from April after the county council agreed a 4.99% rise in council tax.',
      'The cabinet said rising demand for adult social care and the cost of children’s placements had left a £23m gap.',
      'Opposition councillors said the rise would “hit families already struggling with bills”.',
      'More',
    ]);
    expect(storyBodyHtml(story)).not.toMatch(/javascript|<block/);
    expect(story.warnings).toBeUndefined();
  });

  it('kills a canceled document and keeps a later release time as its embargo', async () => {
    const story = await one(readFixture('nitf/embargoed-kill.xml'));
    expect(story.pubstatus).toBe('canceled');
    expect(story.headline).toBe('KILL: Ridings A&E figures');
    expect(story.embargoed).toBe('2024-06-11T23:01:00.000Z');
    expect(story.sourceVersion).toBe(3);
  });

  it('names what is missing', async () => {
    const noBody =
      '<nitf><body><body.head><hedline><hl1>Headline here</hl1></hedline></body.head></body></nitf>';
    await expect(parseWire({ bytes: noBody, source, receivedAt })).rejects.toMatchObject({
      code: 'WIRE_NITF_INVALID',
      message: expect.stringContaining('body.content') as string,
    });
    const noHeadline = '<nitf><body><body.content><p>Text.</p></body.content></body></nitf>';
    const error: unknown = await parseWire({ bytes: noHeadline, source, receivedAt }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WireParseError);
    expect((error as WireParseError).message).toMatch(/hedline\/hl1/);
  });

  it('flags an unreadable date.issue and uses the arrival time', async () => {
    const xml =
      '<nitf><head><docdata><doc-id id-string="X1"/><date.issue norm="00010101T000000"/></docdata></head><body><body.head><hedline><hl1>Headline here</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>';
    const story = await one(xml);
    expect(story.firstcreated).toBe(receivedAt);
    expect(story.warnings).toEqual([
      'unreadable date in date.issue: "00010101T000000"',
      'no readable date: arrival time used',
    ]);
  });
});

import { storyBodyHtml, parseStory, storyUri, type Story } from '@bulletin/story';
import { describe, expect, it } from 'vitest';
import { parseWire } from './index.js';
import { readFixture } from './testing.js';

const source = { id: 'calderbrook', name: 'Calderbrook Council' };
const receivedAt = '2030-01-01T12:00:00.000Z';

async function one(bytes: Uint8Array | string): Promise<Story> {
  const result = await parseWire({ bytes, source, receivedAt });
  expect(result.format).toBe('html');
  const story = result.stories[0] as Story;
  expect(parseStory(story)).toEqual(story);
  return story;
}

describe('HTML article pages', () => {
  it('extracts the article and its metadata, and nothing executable', async () => {
    const story = await one(readFixture('html/calderbrook-library-hours.html'));
    const canonical = 'https://www.calderbrook.example.gov.uk/news/libraries-saturday-hours';
    expect(story.uri).toBe(storyUri('calderbrook', canonical));
    expect(story.link).toBe(canonical);
    expect(story.headline).toBe('Libraries to open longer on Saturdays');
    expect(story.byline).toBe('Helen Marsh');
    expect(story.firstcreated).toBe('2024-03-21T09:30:00.000Z');
    expect(story.versioncreated).toBe('2024-03-22T14:00:00.000Z');
    expect(story.language).toBe('en-GB');
    expect(story.summary).toBe(
      'Six branch libraries will stay open until 5pm on Saturdays from April.',
    );
    expect(story.images).toEqual([
      { href: 'https://www.calderbrook.example.gov.uk/images/library.jpg' },
    ]);
    const paragraphs = story.bodyText.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Six branch libraries in Calderbrook will stay open/);
    expect(paragraphs.some((p) => p.includes('homework clubs'))).toBe(true);
    expect(story.bodyText).not.toMatch(
      /cookies|Related stories|All rights reserved|Bin collections/,
    );
    expect(storyBodyHtml(story)).not.toMatch(
      /<script|<style|<iframe|javascript:|onload|onclick|onmouseover|tracker/i,
    );
    expect(storyBodyHtml(story)).toContain(
      'href="https://www.calderbrook.example.gov.uk/libraries"',
    );
  });

  it('reads a page without metadata from its title and content, flagging the missing date', async () => {
    const page = `<!doctype html><html><head><title>Bridge closure extended</title></head><body><article><h1>Bridge closure extended</h1>${'<p>The river bridge in the town centre will stay closed for another three weeks while engineers finish repairs to its supports, the council said.</p>'.repeat(4)}</article></body></html>`;
    const story = await one(page);
    expect(story.headline).toBe('Bridge closure extended');
    expect(story.firstcreated).toBe(receivedAt);
    expect(story.warnings).toEqual(['no readable date: arrival time used']);
    expect(story.link).toBeUndefined();
  });

  it('refuses a page with no article text', async () => {
    await expect(
      parseWire({
        bytes: '<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>',
        source,
        receivedAt,
      }),
    ).rejects.toMatchObject({ code: 'WIRE_NO_BODY' });
  });
});

import { storySchema } from '@bulletin/story';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWire, WireParseError } from './index.js';
import { readFixture, SEED_FIXTURE } from './testing.js';

const source = { id: 'any', name: 'Any bytes' };
const receivedAt = '2030-01-01T12:00:00.000Z';

// Pieces of every format, so generated payloads get past detection into each parser.
const TOKENS = [
  '<?xml version="1.0" encoding="windows-1252"?>',
  '<?xml version="1.0"?>',
  '<!DOCTYPE rss>',
  '<!ENTITY x "y">',
  '<rss version="2.0">',
  '<channel>',
  '<title>',
  '</title>',
  '<item>',
  '</item>',
  '<guid>',
  '</guid>',
  '<description>',
  '</description>',
  '<pubDate>',
  '</pubDate>',
  'Tue, 18 Nov 2014 09:30:00 GMT',
  '01 Jan 0001',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  '<entry>',
  '</entry>',
  '<published>',
  '</published>',
  'someday',
  '<![CDATA[',
  ']]>',
  '&',
  '&amp;',
  '&pound;',
  '&lol;',
  '<nitf>',
  '<hedline><hl1>',
  '</hl1></hedline>',
  '<body.content>',
  '</body.content>',
  '<doc-id id-string="a"/>',
  '<date.issue norm="20141118T093000Z"/>',
  '<!doctype html>',
  '<html>',
  '<head>',
  '<meta property="og:title" content="T">',
  '<article>',
  '<p>',
  '</p>',
  '<script>alert(1)</script>',
  '<a href="javascript:x()">',
  '<img src=x onerror=y>',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"uri":',
  '"headline":',
  '"body_html":',
  '"body_text":',
  '"pubstatus":',
  '"canceled"',
  '"withheld"',
  '"x"',
  '7',
  'null',
  'The council agreed the plan on Monday.',
  'Council budget agreed',
  '\n\n',
  '\n',
  ' ',
  '18.11.14',
  'By Jane Smith',
  '\u2019',
  '£',
  '\uFFFD',
  '\u0000',
  'ENDS',
];

const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const seed = readFixture(SEED_FIXTURE);

const payloads = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.string({ maxLength: 512 }).map(bytesOf),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((tokens) => bytesOf(tokens.join(''))),
  // The example story, with bytes overwritten: damage inside a real article.
  fc
    .array(fc.tuple(fc.nat({ max: seed.length - 1 }), fc.integer({ min: 0, max: 255 })), {
      maxLength: 12,
    })
    .map((edits) => {
      const copy = Uint8Array.from(seed);
      for (const [at, value] of edits) copy[at] = value;
      return copy;
    }),
);

describe('parseWire, given any bytes', () => {
  it('returns valid stories or throws WireParseError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(
        payloads,
        fc.option(
          fc.constantFrom(
            'application/json',
            'text/xml; charset=windows-1252',
            'text/plain; charset=utf-16le',
          ),
        ),
        async (bytes, contentType) => {
          try {
            const result = await parseWire(
              { bytes, source, receivedAt, ...(contentType ? { contentType } : {}) },
              { maxItems: 50 },
            );
            expect(result.stories.length).toBeGreaterThan(0);
            for (const story of result.stories)
              expect(storySchema.safeParse(story).success).toBe(true);
          } catch (error) {
            if (!(error instanceof WireParseError)) throw error;
            expect(error.permanent).toBe(true);
            expect(error.message).not.toBe('');
          }
        },
      ),
      { numRuns: 400, seed: 20141118 },
    );
  });
});
